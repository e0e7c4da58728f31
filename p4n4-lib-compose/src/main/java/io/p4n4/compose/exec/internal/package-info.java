/** Implementation of the compose executor; not part of the API. */
package io.p4n4.compose.exec.internal;
