/** File helpers shared by the core: atomic writes with owner-only permissions for secrets. Internal. */
package io.p4n4.compose.files;
