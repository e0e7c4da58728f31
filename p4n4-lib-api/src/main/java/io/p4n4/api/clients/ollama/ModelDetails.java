package io.p4n4.api.clients.ollama;

import java.util.List;

/**
 * The {@code details} object Ollama reports for a model.
 *
 * @param parentModel the model this one derives from, or empty
 * @param format e.g. {@code gguf}
 * @param family e.g. {@code llama}
 * @param families all families
 * @param parameterSize e.g. {@code 3.2B}
 * @param quantizationLevel e.g. {@code Q4_K_M}
 */
public record ModelDetails(String parentModel, String format, String family, List<String> families,
        String parameterSize, String quantizationLevel) {

    /** Copies the families. */
    public ModelDetails {
        families = families == null ? List.of() : List.copyOf(families);
    }
}
