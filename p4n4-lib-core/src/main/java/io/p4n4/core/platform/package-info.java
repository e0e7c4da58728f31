/**
 * The platform level: a p4n4 project's stacks run together on one engine, brought up in order
 * iot, ai, edge with a readiness gate between them ({@link io.p4n4.core.platform.Platform}).
 */
package io.p4n4.core.platform;
