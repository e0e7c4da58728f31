package io.p4n4.agent.nats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.p4n4.testkit.nats.NatsServerProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A JetStream cluster of real nats-servers on loopback, named {@code n1..nN}, each routing to all the others.
 * Finds the meta leader from the servers' {@code /jsz} monitoring endpoint. Closing stops every server.
 */
final class NatsCluster implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private final List<NatsServerProcess> servers;
    private final List<String> names;

    private NatsCluster(List<NatsServerProcess> servers, List<String> names) {
        this.servers = servers;
        this.names = names;
    }

    /** Starts {@code size} servers under {@code dir} and waits until JetStream has a meta leader. */
    static NatsCluster start(Path binary, Path dir, int size) throws IOException, InterruptedException {
        List<Integer> clientPorts = new ArrayList<>();
        List<Integer> routePorts = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            clientPorts.add(NatsServerProcess.freePort());
            routePorts.add(NatsServerProcess.freePort());
        }
        String routes = routePorts.stream().map(p -> "nats://127.0.0.1:" + p).collect(Collectors.joining(", "));
        List<NatsServerProcess> started = new ArrayList<>();
        List<String> names = new ArrayList<>();
        NatsCluster cluster = new NatsCluster(started, names);
        try {
            for (int i = 0; i < size; i++) {
                String name = "n" + (i + 1);
                names.add(name);
                started.add(NatsServerProcess.startOn(binary, dir.resolve(name), clientPorts.get(i),
                        config(name, routePorts.get(i), routes)));
            }
            cluster.awaitMetaLeader(Duration.ofSeconds(30));
            return cluster;
        } catch (IOException | InterruptedException | RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    /** The configuration of one member: its name, its route listener, and routes to every member. */
    static String config(String name, int routePort, String routes) {
        return """
                server_name: %s
                cluster {
                  name: p4n4-test
                  listen: 127.0.0.1:%d
                  routes: [%s]
                }
                """.formatted(name, routePort, routes);
    }

    /** Returns the client URLs of all members, in order. */
    List<String> urls() {
        return servers.stream().map(NatsServerProcess::url).toList();
    }

    /** Returns member {@code i} (0-based). */
    NatsServerProcess server(int i) {
        return servers.get(i);
    }

    /** Returns the server name of member {@code i} ({@code n1}, ...). */
    String name(int i) {
        return names.get(i);
    }

    /** Returns how many members the cluster has. */
    int size() {
        return servers.size();
    }

    /** Returns the index of the member whose client URL is {@code url}, or -1. */
    int indexOfUrl(String url) {
        for (int i = 0; i < servers.size(); i++) {
            if (url != null && url.endsWith(":" + servers.get(i).port())) {
                return i;
            }
        }
        return -1;
    }

    /** Waits until a running member reports a meta leader that all running members agree on; returns its index. */
    int awaitMetaLeader(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<Integer> leader = metaLeader();
            if (leader.isPresent()) {
                return leader.get();
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("no JetStream meta leader within " + timeout + " among " + names);
    }

    /**
     * Waits until member {@code i} is a current member of the meta cluster again (after a restart): the
     * leader lists it as current, so it can vote when the next member dies.
     */
    void awaitCurrent(int i, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<Integer> leader = metaLeader();
            if (leader.isPresent() && (leader.get() == i || replicaIsCurrent(leader.get(), names.get(i)))) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException(names.get(i) + " did not become a current meta member within " + timeout);
    }

    /** Returns the member every running member names as meta leader, if they agree and it runs. */
    Optional<Integer> metaLeader() {
        String agreed = null;
        for (int i = 0; i < servers.size(); i++) {
            if (servers.get(i).findProcess().isEmpty()) {
                continue;
            }
            String leader = jsz(i).map(j -> j.path("meta_cluster").path("leader").asText("")).orElse("");
            if (leader.isEmpty() || (agreed != null && !agreed.equals(leader))) {
                return Optional.empty();
            }
            agreed = leader;
        }
        int index = agreed == null ? -1 : names.indexOf(agreed);
        return index >= 0 && servers.get(index).findProcess().isPresent() ? Optional.of(index) : Optional.empty();
    }

    private boolean replicaIsCurrent(int leader, String name) {
        Optional<JsonNode> jsz = jsz(leader);
        if (jsz.isEmpty()) {
            return false;
        }
        for (JsonNode replica : jsz.get().path("meta_cluster").path("replicas")) {
            if (name.equals(replica.path("name").asText()) && replica.path("current").asBoolean()
                    && !replica.path("offline").asBoolean()) {
                return true;
            }
        }
        return false;
    }

    private Optional<JsonNode> jsz(int i) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                    URI.create(servers.get(i).monitorUrl() + "/jsz")).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? Optional.of(JSON.readTree(response.body())) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        servers.forEach(NatsServerProcess::close);
    }
}
