/** Seeded violation: @NullMarked without an @API status. */
@NullMarked
package io.p4n4.clients.seeded.marks.nostatus;

import org.jspecify.annotations.NullMarked;
