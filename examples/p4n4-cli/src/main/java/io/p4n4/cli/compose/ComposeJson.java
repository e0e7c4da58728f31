package io.p4n4.cli.compose;

import io.p4n4.api.engine.LogLine;
import io.p4n4.compose.exec.ServiceStatus;
import io.p4n4.server.engine.EngineJson;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The {@code --json} shapes of the {@code p4n4 compose} commands (docs/cli-json.md), and {@code ps --format json}'s. */
final class ComposeJson {
    private ComposeJson() {
    }

    /** A command's last line (or its document): the engine, the project, then {@code fields}. */
    static Map<String, Object> result(ComposeSession session, Map<String, ?> fields) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "result");
        m.put("engine", session.engine().id());
        m.put("endpoint", session.engine().endpoint().toString());
        m.put("project", session.project().name());
        m.putAll(fields);
        return m;
    }

    /** One container as {@code p4n4 --json compose ps} shows it (the shape of {@code p4n4 status}'s entries). */
    static Map<String, Object> container(ServiceStatus s) {
        return EngineJson.service(s);
    }

    /**
     * One container as {@code docker compose ps --format json} prints it (one object per line, as compose v2.21 and
     * later do), with the fields p4n4 knows: Name, Image, Project, Service, State, Health, ExitCode, Publishers.
     */
    static Map<String, Object> dockerPs(String project, ServiceStatus s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("Name", s.container());
        m.put("Image", s.image());
        m.put("Project", project);
        m.put("Service", s.service());
        m.put("State", lower(s.state().name()));
        m.put("Health", s.health().name().equals("NONE") ? "" : lower(s.health().name()));
        m.put("ExitCode", s.exitCode());
        m.put("Publishers", s.ports().stream().map(p -> {
            Map<String, Object> pm = new LinkedHashMap<>();
            pm.put("URL", p.hostIp());
            pm.put("TargetPort", p.containerPort());
            pm.put("PublishedPort", p.hostPort());
            pm.put("Protocol", lower(p.protocol().name()));
            return pm;
        }).toList());
        return m;
    }

    /** One log line (the shape of {@code p4n4 logs}'). */
    static Map<String, Object> log(String service, LogLine line) {
        return EngineJson.log(service, line);
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
