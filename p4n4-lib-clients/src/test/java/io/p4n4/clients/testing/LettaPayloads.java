package io.p4n4.clients.testing;

/** Letta answers shaped as its API documents them, shared by the Letta client and persona tests. */
public final class LettaPayloads {
    /**
     * An {@code AgentState} as {@code POST /v1/agents/} and {@code GET /v1/agents/{id}} answer: every required
     * field of the schema in Letta's {@code fern/openapi.json} (checked by {@link LettaSchema}); the
     * {@code llm_config} / {@code embedding_config} of a model on Letta's Ollama provider as
     * {@code letta/schemas/providers/ollama.py} builds them (OpenAI-compatible endpoint, {@code ollama/...} handles).
     */
    public static final String AGENT = """
            {"id":"agent-9c1a2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b","name":"site-monitor","system":"You are Letta, the latest version of Limnal Corporation's digital companion.","agent_type":"memgpt_v2_agent","created_at":"2026-11-30T10:00:00Z","updated_at":"2026-11-30T10:00:00Z","description":"Receives all sensor events; tracks device uptime","metadata":null,"model":"ollama/llama3.2:latest","embedding":"ollama/nomic-embed-text:latest","llm_config":{"model":"llama3.2:latest","model_endpoint_type":"openai","model_endpoint":"http://ollama:11434/v1","provider_name":"ollama","context_window":8192,"handle":"ollama/llama3.2:latest"},"embedding_config":{"embedding_endpoint_type":"openai","embedding_endpoint":"http://ollama:11434/v1","embedding_model":"nomic-embed-text:latest","embedding_dim":768,"embedding_chunk_size":300,"handle":"ollama/nomic-embed-text:latest"},"memory":{"agent_type":"memgpt_v2_agent","blocks":[{"id":"block-1","label":"persona","value":"I watch sensors.","limit":5000},{"id":"block-2","label":"human","value":"The operator is Ana.","limit":5000}]},"blocks":[{"id":"block-1","label":"persona","value":"I watch sensors.","limit":5000},{"id":"block-2","label":"human","value":"The operator is Ana.","limit":5000}],"tools":[],"sources":[],"tags":[],"last_stop_reason":"end_turn","last_run_completion":"2026-11-30T10:05:00Z"}""";

    /**
     * The answer of {@code DELETE /v1/agents/{id}}, as {@code delete_agent} in
     * {@code letta/server/rest_api/routers/v1/agents.py} writes it (the OpenAPI document gives it no schema).
     */
    public static final String DELETED = "{\"message\":\"Agent id=agent-9c1a2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b"
            + " successfully deleted\"}";

    private LettaPayloads() {
    }
}
