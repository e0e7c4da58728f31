package io.p4n4.api.clients.ollama;

import java.util.List;
import java.util.Map;

/**
 * What {@code POST /api/show} says about a model.
 *
 * @param modelfile the Modelfile text
 * @param parameters the parameters text
 * @param template the prompt template
 * @param details format, family, size and quantization
 * @param modelInfo architecture facts keyed as Ollama reports them (e.g. {@code general.architecture})
 * @param capabilities e.g. {@code completion}, {@code embedding}, {@code vision}
 */
public record ShowResponse(String modelfile, String parameters, String template, ModelDetails details,
        Map<String, Object> modelInfo, List<String> capabilities) {

    /** Copies the collections. */
    public ShowResponse {
        modelInfo = modelInfo == null ? Map.of() : modelInfo;
        capabilities = capabilities == null ? List.of() : List.copyOf(capabilities);
    }
}
