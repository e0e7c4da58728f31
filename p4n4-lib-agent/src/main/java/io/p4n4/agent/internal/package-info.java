/** Implementation details of the device agent; not an API, may change without notice. */
package io.p4n4.agent.internal;
