/** Implementation of project operations; not API. */
package io.p4n4.core.project.internal;
