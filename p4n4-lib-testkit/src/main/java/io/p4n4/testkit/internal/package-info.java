/**
 * Implementation shared by the kit's JUnit extensions; not for use outside p4n4-lib-testkit.
 */
package io.p4n4.testkit.internal;
