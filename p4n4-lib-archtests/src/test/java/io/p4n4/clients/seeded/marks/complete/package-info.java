/** Allowed counterpart: both marks. */
@API(status = EXPERIMENTAL)
@NullMarked
package io.p4n4.clients.seeded.marks.complete;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;
import org.jspecify.annotations.NullMarked;
