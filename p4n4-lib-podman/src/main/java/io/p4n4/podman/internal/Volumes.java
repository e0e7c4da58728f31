package io.p4n4.podman.internal;

import io.p4n4.api.engine.LabelFilter;
import io.p4n4.api.engine.VolumeInfo;
import io.p4n4.api.engine.VolumeSpec;
import io.p4n4.podman.internal.libpod.LibpodHttp;
import io.p4n4.podman.internal.libpod.LibpodModels;
import io.p4n4.podman.internal.libpod.LibpodResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Named volumes over libpod. Thread-safe (stateless). */
final class Volumes {
    private static final String ID = PodmanEngine.ID;
    private final LibpodHttp http;

    Volumes(LibpodHttp http) {
        this.http = http;
    }

    VolumeInfo create(VolumeSpec spec) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("Name", spec.name());
        body.put("Driver", spec.driver());
        if (!spec.labels().isEmpty()) {
            body.put("Label", spec.labels());
        }
        if (!spec.options().isEmpty()) {
            body.put("Options", spec.options());
        }
        LibpodResponse r = http.request("POST", "volumes", "create").jsonBody(body).resource(spec.name()).send();
        if (!r.isSuccess() && r.message().contains("already exists")) {
            return find(spec.name()).orElseThrow(r::failure); // engines return the existing volume
        }
        return LibpodModels.volume(r.requireSuccess().json());
    }

    Optional<VolumeInfo> find(String name) {
        LibpodResponse r = http.request("GET", "volumes", name, "json").resource(name).send();
        if (r.status() == 404) {
            return Optional.empty();
        }
        return Optional.of(LibpodModels.volume(r.requireSuccess().json()));
    }

    List<VolumeInfo> list(LabelFilter labels) {
        List<VolumeInfo> out = new ArrayList<>();
        http.request("GET", "volumes", "json").filters(PodmanEngine.labelFilters(labels)).sendForJson()
                .forEach(v -> out.add(LibpodModels.volume(v)));
        return out;
    }

    boolean remove(String name, boolean force) {
        LibpodResponse r = http.request("DELETE", "volumes", name).query("force", force).resource(name).send();
        if (r.status() == 404) {
            return false;
        }
        if (!r.isSuccess()) {
            throw r.failure("remove the containers using volume " + name + " first, or force");
        }
        return true;
    }
}
