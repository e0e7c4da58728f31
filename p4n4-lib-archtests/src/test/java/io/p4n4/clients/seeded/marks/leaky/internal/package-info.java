/** Seeded violation: an internal package marked STABLE. */
@API(status = STABLE)
@NullMarked
package io.p4n4.clients.seeded.marks.leaky.internal;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;
import org.jspecify.annotations.NullMarked;
