/** Implementation of project operations; not API. */
@API(status = INTERNAL)
@NullMarked
package io.p4n4.core.project.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import org.jspecify.annotations.NullMarked;
