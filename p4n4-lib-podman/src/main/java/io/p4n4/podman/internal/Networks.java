package io.p4n4.podman.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.p4n4.api.EngineException;
import io.p4n4.api.engine.LabelFilter;
import io.p4n4.api.engine.NetworkAttachment;
import io.p4n4.api.engine.NetworkInfo;
import io.p4n4.api.engine.NetworkSpec;
import io.p4n4.podman.internal.libpod.LibpodHttp;
import io.p4n4.podman.internal.libpod.LibpodModels;
import io.p4n4.podman.internal.libpod.LibpodResponse;
import io.p4n4.podman.internal.libpod.SpecGenerator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Networks over libpod: create (DNS on, as Docker's), inspect, list, remove, connect. Thread-safe. */
final class Networks {
    private static final String ID = PodmanEngine.ID;
    private final LibpodHttp http;

    Networks(LibpodHttp http) {
        this.http = http;
    }

    NetworkInfo create(NetworkSpec spec) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", spec.name());
        body.put("driver", spec.driver());
        spec.findSubnet().ifPresent(subnet -> {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("subnet", subnet);
            spec.findGateway().ifPresent(g -> s.put("gateway", g));
            body.put("subnets", List.of(s));
        });
        body.put("internal", spec.internal());
        body.put("dns_enabled", true); // containers find each other by name, as on Docker networks
        if (!spec.labels().isEmpty()) {
            body.put("labels", spec.labels());
        }
        LibpodResponse r = http.request("POST", "networks", "create").jsonBody(body).resource(spec.name()).send();
        if (r.status() == 409) {
            throw new EngineException(ID, spec.name(), "network " + spec.name() + " already exists on podman; "
                    + "remove it or use it as it is", null);
        }
        return LibpodModels.network(r.requireSuccess().json());
    }

    Optional<NetworkInfo> find(String name) {
        LibpodResponse r = http.request("GET", "networks", name, "json").resource(name).send();
        if (r.status() == 404) {
            return Optional.empty();
        }
        return Optional.of(LibpodModels.network(r.requireSuccess().json()));
    }

    List<NetworkInfo> list(LabelFilter labels) {
        List<NetworkInfo> out = new ArrayList<>();
        http.request("GET", "networks", "json").filters(PodmanEngine.labelFilters(labels)).sendForJson()
                .forEach(n -> out.add(LibpodModels.network(n)));
        return out;
    }

    boolean remove(String name) {
        LibpodResponse r = http.request("DELETE", "networks", name).resource(name).send();
        if (r.status() == 404) {
            return false;
        }
        r.requireSuccess();
        for (JsonNode report : r.json()) {
            if (report.hasNonNull("Err")) {
                throw new EngineException(ID, name, "podman could not remove network " + name + ": "
                        + report.get("Err").asText() + "; stop and remove the containers using it first", null);
            }
        }
        return true;
    }

    void connect(String container, NetworkAttachment attachment) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("container", container);
        if (!attachment.aliases().isEmpty()) {
            body.put("aliases", attachment.aliases());
        }
        if (!SpecGenerator.staticIps(attachment).isEmpty()) {
            body.put("static_ips", SpecGenerator.staticIps(attachment));
        }
        LibpodResponse r = http.request("POST", "networks", attachment.network(), "connect").jsonBody(body)
                .resource(container).send();
        if (r.status() == 404) {
            throw new EngineException(ID, container, "cannot connect " + container + " to network "
                    + attachment.network() + ": " + r.message(), null);
        }
        r.requireSuccess();
    }
}
