/**
 * The {@code p4n4} example CLI: a thin picocli front end on the public p4n4-lib API. No logic lives
 * only here; every command is a few calls into the library plus printing.
 */
package io.p4n4.cli;
