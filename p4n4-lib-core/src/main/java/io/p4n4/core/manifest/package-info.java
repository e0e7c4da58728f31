/**
 * Reading, validating and writing {@code .p4n4.json}: manifest-v1 (validated against the bundled JSON
 * Schema on every read and write) and the legacy format of the upstream Python tools.
 */
package io.p4n4.core.manifest;
