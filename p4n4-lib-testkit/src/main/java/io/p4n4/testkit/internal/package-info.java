/**
 * Implementation shared by the kit's JUnit extensions; not for use outside p4n4-lib-testkit.
 */
@API(status = INTERNAL)
@NullMarked
package io.p4n4.testkit.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import org.jspecify.annotations.NullMarked;
