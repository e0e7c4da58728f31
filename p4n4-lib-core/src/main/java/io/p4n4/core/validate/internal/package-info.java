/** Implementation of project validation; not API. */
@API(status = INTERNAL)
@NullMarked
package io.p4n4.core.validate.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import org.jspecify.annotations.NullMarked;
