/**
 * The Edge Impulse runner client contract: runner and model information, inference on raw features
 * or on a file (image or sensor sample), typed results (ranked classification, bounding boxes,
 * anomaly score, timing). Implementations come from {@code p4n4-lib-clients}.
 */
@API(status = STABLE)
@NullMarked
package io.p4n4.api.clients.edgeimpulse;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;
import org.jspecify.annotations.NullMarked;
