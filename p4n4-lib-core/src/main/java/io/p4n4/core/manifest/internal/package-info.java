/** Implementation of manifest reading and writing; not API. */
package io.p4n4.core.manifest.internal;
