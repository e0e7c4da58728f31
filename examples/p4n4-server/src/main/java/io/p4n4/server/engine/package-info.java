/**
 * What the server knows about the engine: the live status of the project's stacks kept by the engine's event
 * stream ({@link io.p4n4.server.engine.StatusCache}), asynchronous {@code up} and {@code down} with replayable
 * progress ({@link io.p4n4.server.engine.Operations}), and the JSON shapes the server sends for them
 * ({@link io.p4n4.server.engine.EngineJson}).
 */
package io.p4n4.server.engine;
