/** The bundled stack provider (iot, ai, edge); not API. */
package io.p4n4.core.stack.internal;
