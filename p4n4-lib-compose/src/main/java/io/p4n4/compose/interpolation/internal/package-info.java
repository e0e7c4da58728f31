/** The template scanner behind {@link io.p4n4.compose.interpolation.Interpolation}; not an API. */
package io.p4n4.compose.interpolation.internal;
