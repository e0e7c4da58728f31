/**
 * Local-first LLM routing: a {@link io.p4n4.clients.router.ChatRouter} asks an ordered list of
 * {@link io.p4n4.clients.router.ChatProvider}s (the project's Ollama first, then OpenAI-compatible
 * chat-completions endpoints, or other routers) and fails over on what another provider could do
 * better (refused, timeout, 5xx, 429, a missing model), never on a request that would fail anywhere
 * (400, context too long). Each provider has a circuit breaker; every answer records who answered,
 * the attempts made and the time to the first token. See docs/clients.md, "LLM routing".
 *
 * <pre>{@code
 * ChatRouter router = ChatRouter.builder()
 *         .provider(OllamaChatProvider.builder(ollama).build())
 *         .provider(clients.openAiCompatible().baseUrl("https://host/v1").model("gpt-4o-mini").apiKey(key).build())
 *         .build();
 * RoutedAnswer a = router.route(ChatRequest.of("llama3.2", List.of(ChatMessage.user("Hello"))));
 * System.out.println(a.provider() + ": " + a.response().message().content());
 * }</pre>
 */
@API(status = EXPERIMENTAL)
@NullMarked
package io.p4n4.clients.router;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;
import org.jspecify.annotations.NullMarked;
