/**
 * Implementation of the Docker backend. Not an API: may change in any release.
 */
package io.p4n4.docker.internal;
