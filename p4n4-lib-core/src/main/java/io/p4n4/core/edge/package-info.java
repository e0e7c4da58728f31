/**
 * The edge stack's Edge Impulse model lifecycle: the {@code .eim} files in the stack's {@code models/} folder
 * and which one is active ({@link io.p4n4.core.edge.EdgeModels}), the runner container on an engine
 * ({@link io.p4n4.core.edge.EdgeRunner}), and deploy, update with rollback, and rollback, which change both
 * ({@link io.p4n4.core.edge.ModelDeployer}).
 */
@API(status = EXPERIMENTAL)
@NullMarked
package io.p4n4.core.edge;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;
import org.jspecify.annotations.NullMarked;
