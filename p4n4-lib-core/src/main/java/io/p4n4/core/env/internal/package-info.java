/** The {@code .env} scanner and value quoting behind {@link io.p4n4.core.env}; not an API. */
package io.p4n4.core.env.internal;
