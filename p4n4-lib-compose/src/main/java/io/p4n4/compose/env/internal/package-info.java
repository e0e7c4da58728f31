/** The {@code .env} scanner and value quoting behind {@link io.p4n4.compose.env}; not an API. */
package io.p4n4.compose.env.internal;
