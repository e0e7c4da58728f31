package io.p4n4.junit.internal;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import io.p4n4.api.engine.ContainerEngine;
import io.p4n4.compose.engine.EngineDiscovery;
import io.p4n4.junit.EngineChoice;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Connects to the engine a setup names, through the library's discovery. Stateless. */
public final class EngineConnector {
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_.]*)}");

    private EngineConnector() {
    }

    /** The engine {@code choice} at {@code host} (empty for the engine's default endpoints). */
    public static ContainerEngine connect(EngineChoice choice, String host) {
        EngineDiscovery.Builder discovery = EngineDiscovery.builder();
        if (choice != EngineChoice.AUTO) {
            discovery.engineId(choice.providerId());
        }
        String endpoint = expand(host);
        if (!endpoint.isBlank()) {
            discovery.endpoint(endpoint);
        }
        return discovery.build().connect();
    }

    /** Replaces each {@code ${NAME}} by the system property or environment variable NAME; USER error when unset. */
    static String expand(String host) {
        Matcher m = VARIABLE.matcher(host);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value = System.getProperty(name);
            if (value == null || value.isBlank()) {
                value = System.getenv(name);
            }
            if (value == null || value.isBlank()) {
                throw new P4n4Exception(ErrorCode.USER, "engine host \"" + host + "\" names ${" + name
                        + "}, which is neither a system property nor an environment variable; set it or change host");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value.trim()));
        }
        m.appendTail(out);
        return out.toString().trim();
    }
}
