/**
 * {@code p4n4 ai ...}: talk to the AI stack's Ollama ({@code models}, {@code pull}, {@code generate}, and {@code chat} through the local-first LLM router) and its Letta agents ({@code agent list|init|delete|chat}, the
 * persona files of {@code stacks/ai/letta/agents/}). Also holds
 * {@link io.p4n4.cli.ai.ServiceOptions}, the endpoint options every service command shares.
 */
package io.p4n4.cli.ai;
