/**
 * Desired state for devices: {@link io.p4n4.api.score.Score}s (typed documents, serialized adjacently
 * tagged as {@code {"type":"PodmanV0","data":{...}}}), what a device offers
 * ({@link io.p4n4.api.score.Topology}), the store that holds Scores per device
 * ({@link io.p4n4.api.score.DesiredStateStore}) and the status a device agent reports.
 *
 * <p>Value types here are immutable records and safe to share between threads.
 */
@API(status = EXPERIMENTAL)
@NullMarked
package io.p4n4.api.score;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;
import org.jspecify.annotations.NullMarked;
