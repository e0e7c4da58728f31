package io.p4n4.api.clients.ollama;

/**
 * A model loaded in memory ({@code GET /api/ps}).
 *
 * @param name the name with tag
 * @param model the model identifier
 * @param size bytes in memory
 * @param digest the content digest
 * @param details format, family, size and quantization
 * @param expiresAt when it will be unloaded (ISO-8601 text)
 * @param sizeVram bytes in GPU memory
 */
public record RunningModel(String name, String model, long size, String digest, ModelDetails details,
        String expiresAt, long sizeVram) {
}
