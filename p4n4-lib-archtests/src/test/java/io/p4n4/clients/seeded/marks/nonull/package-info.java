/** Seeded violation: an @API status without @NullMarked. */
@API(status = STABLE)
package io.p4n4.clients.seeded.marks.nonull;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;
