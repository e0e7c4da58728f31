/** Implementation of project validation; not API. */
package io.p4n4.core.validate.internal;
