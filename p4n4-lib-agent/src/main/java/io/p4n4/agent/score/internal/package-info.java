/** Implementation details of Score handling; not an API, may change without notice. */
package io.p4n4.agent.score.internal;
