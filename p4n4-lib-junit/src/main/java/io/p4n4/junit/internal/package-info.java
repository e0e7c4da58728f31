/** Implementation of the JUnit extension and the plain compose environment; not part of the API. */
@API(status = INTERNAL)
@NullMarked
package io.p4n4.junit.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import org.jspecify.annotations.NullMarked;
