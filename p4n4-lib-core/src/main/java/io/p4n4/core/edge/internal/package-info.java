/** Implementation of the edge model lifecycle (file moves, the models mount); not API. */
@API(status = INTERNAL)
@NullMarked
package io.p4n4.core.edge.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import org.jspecify.annotations.NullMarked;
