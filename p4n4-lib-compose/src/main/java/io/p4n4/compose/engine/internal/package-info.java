/**
 * Implementation of engine discovery. Not an API.
 */
package io.p4n4.compose.engine.internal;
