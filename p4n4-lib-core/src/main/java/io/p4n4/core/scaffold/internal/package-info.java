/** Implementation of scaffolding; not API. */
package io.p4n4.core.scaffold.internal;
