/**
 * {@code p4n4 compose}: {@code config} over the compose loader, and {@code up}, {@code down}, {@code ps},
 * {@code logs}, {@code pull}, {@code exec}, {@code restart}, {@code stop}, {@code start} over the compose executor,
 * with docker compose v2's flag names (docs/compose.md).
 */
package io.p4n4.cli.compose;
