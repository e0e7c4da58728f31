/**
 * {@code p4n4 ai ...}: talk to the AI stack's Ollama ({@code models}, {@code pull}, {@code generate}, and {@code chat} through the local-first LLM router). Also holds
 * {@link io.p4n4.cli.ai.ServiceOptions}, the endpoint options every service command shares.
 */
package io.p4n4.cli.ai;
