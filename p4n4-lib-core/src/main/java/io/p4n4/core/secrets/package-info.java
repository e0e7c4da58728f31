/**
 * Secret values of a project: generation from {@link java.security.SecureRandom}, masking for display,
 * and rotation plans the caller confirms before they are written.
 */
@API(status = STABLE)
@NullMarked
package io.p4n4.core.secrets;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;
import org.jspecify.annotations.NullMarked;
