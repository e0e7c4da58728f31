/**
 * The server's routes: the project and its stacks, validation, status and its live stream, up/down as
 * operations with replayable progress, followed logs, Scores and devices, the OpenAPI document and the
 * dashboard's files. Each class registers one group of routes on a {@link io.p4n4.server.http.Router}.
 */
package io.p4n4.server.api;
