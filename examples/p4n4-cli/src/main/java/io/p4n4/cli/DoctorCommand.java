package io.p4n4.cli;

import io.p4n4.api.P4n4Exception;
import io.p4n4.cli.run.EngineOptions;
import io.p4n4.core.doctor.Doctor;
import io.p4n4.core.doctor.DoctorReport;
import io.p4n4.core.doctor.Finding;
import io.p4n4.core.project.Project;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code p4n4 doctor}: what p4n4 depends on, one finding a line (see {@link Doctor}); the exit code is the worst
 * finding's (0 with only ok, info and warnings).
 */
@Command(name = "doctor", mixinStandardHelpOptions = true, description = "Check engines, versions, p4n4-net, the"
        + " project's ports, NATS and MQTT (when configured) and .env permissions; exit with the worst finding.")
final class DoctorCommand extends ProjectCommand implements Callable<Integer> {
    @Mixin
    EngineOptions engineOptions;

    @Option(names = "--nats", paramLabel = "URL", description = "NATS server to reach (default: $NATS_URL; not"
            + " checked without either).")
    String nats;

    @Option(names = "--mqtt", paramLabel = "URL", description = "MQTT broker to reach, mqtt://host:port, with an"
            + " anonymous CONNECT (default: $MQTT_URL; not checked without either).")
    String mqtt;

    @Option(names = "--timeout", paramLabel = "S", defaultValue = "3",
            description = "Seconds each network probe may take (default: ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    @Override
    public Integer call() {
        DoctorReport report = Doctor.builder(engineOptions.discovery()).project(projectOrNull())
                .nats(url(nats, "NATS_URL")).mqtt(url(mqtt, "MQTT_URL"))
                .timeout(Duration.ofSeconds(timeoutSeconds)).build().run();
        if (json()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("findings", report.findings().stream().map(DoctorCommand::json).toList());
            m.put("worst", lower(report.worst()));
            m.put("exit_code", report.errorCode().exitCode());
            m.put("error_code", report.errorCode().name());
            JsonOutput.print(out(), m);
        } else {
            int width = report.findings().stream().mapToInt(f -> f.check().length()).max().orElse(5);
            for (Finding f : report.findings()) {
                out().println(String.format(Locale.ROOT, "%-7s %-" + width + "s  %s", lower(f.status()), f.check(),
                        f.detail()));
                if (!f.hint().isEmpty()) {
                    out().println(" ".repeat(8 + width + 2) + "-> " + f.hint());
                }
            }
            out().println("Worst finding: " + lower(report.worst()) + " (exit " + report.errorCode().exitCode() + ", "
                    + report.errorCode() + ").");
            out().flush();
        }
        return report.errorCode().exitCode();
    }

    private Project projectOrNull() {
        try {
            return project();
        } catch (P4n4Exception e) {
            return null; // the report says no project was checked
        }
    }

    private static URI url(String option, String variable) {
        String value = option != null && !option.isBlank() ? option : System.getenv(variable);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            URI uri = new URI(value.trim());
            if (uri.getHost() == null) {
                throw new java.net.URISyntaxException(value, "no host");
            }
            return uri;
        } catch (java.net.URISyntaxException e) {
            throw new P4n4Exception(io.p4n4.api.ErrorCode.USER, (option != null ? "the option's" : variable + "'s")
                    + " URL '" + value + "' is not host and port (" + e.getReason() + "); write it like "
                    + (variable.startsWith("NATS") ? "nats://127.0.0.1:4222" : "mqtt://127.0.0.1:1883"), e);
        }
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    private static Map<String, Object> json(Finding f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("check", f.check());
        m.put("status", lower(f.status()));
        m.put("code", f.code().name());
        m.put("detail", f.detail());
        m.put("hint", f.hint());
        return m;
    }
}
