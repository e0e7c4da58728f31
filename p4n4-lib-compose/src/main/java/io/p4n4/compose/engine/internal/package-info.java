/**
 * Implementation of engine discovery. Not an API.
 */
@API(status = INTERNAL)
@NullMarked
package io.p4n4.compose.engine.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import org.jspecify.annotations.NullMarked;
