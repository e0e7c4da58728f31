/**
 * Progress of {@code up}, {@code down} and pulls for people and programs: updating lines with bars on a
 * terminal, one plain line per step when the output is a pipe or file, JSON lines with {@code --json}.
 * {@link io.p4n4.cli.progress.ProgressRenderers#create} picks the renderer; commands pass it to the library
 * as its {@link io.p4n4.compose.exec.ProgressListener}.
 */
package io.p4n4.cli.progress;
