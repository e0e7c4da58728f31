/**
 * Entry point of the service clients: {@link io.p4n4.clients.ClientFactory} builds Ollama, Letta
 * and Edge Impulse runner clients (and others) that share one connection pool, and MQTT clients (each with its
 * own connection), configured by hand or
 * from a p4n4 project's {@code .env}.
 *
 * <pre>{@code
 * try (ClientFactory clients = ClientFactory.fromProject(Path.of("."))) {
 *     OllamaClient ollama = clients.ollama().build();
 *     System.out.println(ollama.generate(GenerateRequest.of("llama3.2", "Hello")).response());
 * }
 * }</pre>
 */
@API(status = STABLE)
@NullMarked
package io.p4n4.clients;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;
import org.jspecify.annotations.NullMarked;
