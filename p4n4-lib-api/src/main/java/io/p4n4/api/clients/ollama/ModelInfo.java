package io.p4n4.api.clients.ollama;

/**
 * A locally available model ({@code GET /api/tags}).
 *
 * @param name the name with tag, e.g. {@code llama3.2:latest}
 * @param model the model identifier (usually the same as the name)
 * @param modifiedAt when it was last changed (ISO-8601 text)
 * @param size bytes on disk
 * @param digest the content digest
 * @param details format, family, size and quantization
 */
public record ModelInfo(String name, String model, String modifiedAt, long size, String digest, ModelDetails details) {
}
