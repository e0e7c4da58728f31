/**
 * The public contracts of p4n4-lib: the error taxonomy ({@link io.p4n4.api.ErrorCode},
 * {@link io.p4n4.api.P4n4Exception} and its subtypes) and, in sub-packages, the value types and
 * service interfaces every module shares. Contracts only: no logic, no runtime dependencies.
 */
@API(status = STABLE)
@NullMarked
package io.p4n4.api;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;
import org.jspecify.annotations.NullMarked;
