package io.p4n4.clients.router;

import io.p4n4.clients.internal.ollama.OllamaClientTest;
import okhttp3.mockwebserver.MockResponse;

/**
 * Answers shaped exactly as the services document them: Ollama's docs/api.md ({@code /api/tags},
 * {@code /api/chat} whole and streamed as NDJSON, {@code /api/pull} progress) and OpenAI's chat-completions
 * API (a {@code chat.completion}, server-sent {@code chat.completion.chunk}s up to {@code data: [DONE]}, and
 * error bodies {@code {"error":{"message","type","param","code"}}}).
 */
final class ChatPayloads {
    static final String TAGS_LLAMA = OllamaClientTest.TAGS;
    static final String TAGS_EMPTY = """
            {"models":[]}""";
    static final String OLLAMA_CHAT = """
            {"model":"llama3.2","created_at":"2023-12-12T14:13:43.416799Z","message":{"role":"assistant","content":"Hello! How are you today?"},"done":true,"total_duration":5191566416,"load_duration":2154458,"prompt_eval_count":26,"prompt_eval_duration":383809000,"eval_count":298,"eval_duration":4799921000}""";
    static final String OLLAMA_CHAT_STREAM = OllamaClientTest.CHAT_STREAM;
    /** The first two chunks of {@link #OLLAMA_CHAT_STREAM} and no last one: an answer that broke off. */
    static final String OLLAMA_CHAT_STREAM_BROKEN = OLLAMA_CHAT_STREAM.substring(0,
            OLLAMA_CHAT_STREAM.indexOf("\n", OLLAMA_CHAT_STREAM.indexOf("lo!")) + 1);
    static final String OLLAMA_PULL = OllamaClientTest.PULL_STREAM;
    static final String OPENAI_COMPLETION = """
            {"id":"chatcmpl-123","object":"chat.completion","created":1677652288,"model":"gpt-4o-mini","system_fingerprint":"fp_44709d6fcb","choices":[{"index":0,"message":{"role":"assistant","content":"Hello there, how may I assist you today?"},"logprobs":null,"finish_reason":"stop"}],"usage":{"prompt_tokens":9,"completion_tokens":12,"total_tokens":21}}""";
    static final String OPENAI_STREAM = """
            data: {"id":"chatcmpl-123","object":"chat.completion.chunk","created":1694268190,"model":"gpt-4o-mini","system_fingerprint":"fp_44709d6fcb","choices":[{"index":0,"delta":{"role":"assistant","content":""},"logprobs":null,"finish_reason":null}]}

            data: {"id":"chatcmpl-123","object":"chat.completion.chunk","created":1694268190,"model":"gpt-4o-mini","system_fingerprint":"fp_44709d6fcb","choices":[{"index":0,"delta":{"content":"Hello"},"logprobs":null,"finish_reason":null}]}

            data: {"id":"chatcmpl-123","object":"chat.completion.chunk","created":1694268190,"model":"gpt-4o-mini","system_fingerprint":"fp_44709d6fcb","choices":[{"index":0,"delta":{"content":" there"},"logprobs":null,"finish_reason":null}]}

            data: {"id":"chatcmpl-123","object":"chat.completion.chunk","created":1694268190,"model":"gpt-4o-mini","system_fingerprint":"fp_44709d6fcb","choices":[{"index":0,"delta":{},"logprobs":null,"finish_reason":"stop"}]}

            data: [DONE]

            """;
    static final String OPENAI_CONTEXT_TOO_LONG = """
            {"error":{"message":"This model's maximum context length is 128000 tokens. However, your messages resulted in 130415 tokens. Please reduce the length of the messages.","type":"invalid_request_error","param":"messages","code":"context_length_exceeded"}}""";
    static final String OPENAI_RATE_LIMITED = """
            {"error":{"message":"Rate limit reached for gpt-4o-mini in organization org-abc on requests per min (RPM): Limit 3, Used 3, Requested 1.","type":"requests","param":null,"code":"rate_limit_exceeded"}}""";
    static final String OPENAI_OVERLOADED = """
            {"error":{"message":"The server had an error while processing your request. Sorry about that!","type":"server_error","param":null,"code":null}}""";

    private ChatPayloads() {
    }

    static MockResponse json(String body) {
        return new MockResponse().setHeader("Content-Type", "application/json; charset=utf-8").setBody(body);
    }

    static MockResponse ndjson(String body) {
        return new MockResponse().setHeader("Content-Type", "application/x-ndjson").setChunkedBody(body, 64);
    }

    static MockResponse sse(String body) {
        return new MockResponse().setHeader("Content-Type", "text/event-stream").setChunkedBody(body, 64);
    }

    static MockResponse error(int status, String body) {
        return json(body).setResponseCode(status);
    }
}
