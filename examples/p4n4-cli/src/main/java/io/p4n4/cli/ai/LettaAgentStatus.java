package io.p4n4.cli.ai;

import io.p4n4.api.clients.letta.Agent;

/**
 * The status column of {@code p4n4 ai agent list}. Letta agents are stored, not run, so there is no
 * running or stopped: the status is the outcome of the agent's last run, from its {@code last_stop_reason}
 * with the run status Letta itself gives each reason ({@code letta/schemas/letta_stop_reason.py}):
 * {@code completed (end_turn)}, {@code failed (llm_api_error)}, {@code cancelled}; {@code never run} before
 * the first message; {@code not created} for a persona file without an agent.
 */
final class LettaAgentStatus {
    static final String NOT_CREATED = "not created";

    private LettaAgentStatus() {
    }

    static String of(Agent agent) {
        String reason = agent.lastStopReason();
        if (reason == null) {
            return "never run";
        }
        return switch (reason) {
            case "end_turn", "max_steps", "tool_rule", "requires_approval" -> "completed (" + reason + ")";
            case "cancelled" -> "cancelled";
            case "error", "invalid_tool_call", "no_tool_call", "invalid_llm_response", "llm_api_error",
                    "max_tokens_exceeded", "context_window_overflow_in_system_prompt", "insufficient_credits" ->
                    "failed (" + reason + ")";
            default -> reason; // a reason newer than this list: shown as Letta gives it
        };
    }
}
