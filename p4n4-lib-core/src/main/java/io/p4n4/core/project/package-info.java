/**
 * p4n4 projects on disk: find one by walking up, create one ({@code init}), add and remove stacks,
 * validate, and manage its secrets. Start from {@link io.p4n4.core.P4n4#projects()}.
 */
@API(status = STABLE)
@NullMarked
package io.p4n4.core.project;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;
import org.jspecify.annotations.NullMarked;
