package io.p4n4.cli.run;

import io.p4n4.api.engine.PortBinding;
import io.p4n4.api.project.StackId;
import io.p4n4.compose.exec.ServiceStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a newcomer reaches the demo's services once it is up: each web UI and API of the bundled stacks at the
 * host port the engine actually published (read from the containers, so a changed port mapping shows as it is).
 */
final class DemoAddresses {
    private record Known(String service, int containerPort, String label, String scheme) {
    }

    /** The bundled stacks' services a person opens or points a client at, in the order they are shown. */
    private static final List<Known> KNOWN = List.of(
            new Known("node-red", 1880, "Node-RED", "http"),
            new Known("grafana", 3000, "Grafana", "http"),
            new Known("influxdb", 8086, "InfluxDB", "http"),
            new Known("n8n", 5678, "n8n", "http"),
            new Known("ollama", 11434, "Ollama", "http"),
            new Known("letta", 8283, "Letta", "http"),
            new Known("mosquitto", 1883, "MQTT broker", "mqtt"),
            new Known("ei-runner", 8080, "Edge Impulse runner", "http"));

    private DemoAddresses() {
    }

    /** Label to address ({@code Node-RED -> http://localhost:1880}) of the known services that publish a port. */
    static Map<String, String> of(Map<StackId, List<ServiceStatus>> status) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Known known : KNOWN) {
            status.values().stream().flatMap(List::stream).filter(s -> s.service().equals(known.service()))
                    .flatMap(s -> s.ports().stream())
                    .filter(p -> p.containerPort() == known.containerPort() && p.hostPort() > 0)
                    .findFirst()
                    .ifPresent(p -> out.put(known.label(), known.scheme() + "://" + host(p) + ":" + p.hostPort()));
        }
        return out;
    }

    /** A binding on every interface is reached on localhost; one on a given address, there. */
    private static String host(PortBinding p) {
        String ip = p.hostIp();
        if (ip.isEmpty() || ip.equals("0.0.0.0") || ip.equals("::")) {
            return "localhost";
        }
        return ip.contains(":") ? "[" + ip + "]" : ip;
    }
}
