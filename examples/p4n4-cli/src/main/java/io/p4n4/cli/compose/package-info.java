/** {@code p4n4 compose}: commands over the compose loader of p4n4-lib-core. */
package io.p4n4.cli.compose;
