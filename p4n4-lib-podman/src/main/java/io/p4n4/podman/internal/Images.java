package io.p4n4.podman.internal;

import io.p4n4.api.EngineException;
import io.p4n4.api.engine.BuildSpec;
import io.p4n4.api.engine.ImageInfo;
import io.p4n4.api.engine.OutputTail;
import io.p4n4.api.engine.PullListener;
import io.p4n4.podman.internal.libpod.JsonObjectReader;
import io.p4n4.podman.internal.libpod.LibpodHttp;
import io.p4n4.podman.internal.libpod.LibpodModels;
import io.p4n4.podman.internal.libpod.LibpodResponse;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/** Local images over libpod: exists, inspect, pull with progress, build, tag. Thread-safe (stateless). */
final class Images {
    private static final String ID = PodmanEngine.ID;
    private static final Pattern IMAGE_ID = Pattern.compile("[0-9a-f]{64}");
    private final LibpodHttp http;
    private final ImagePull pull;

    Images(LibpodHttp http, ImagePull pull) {
        this.http = http;
        this.pull = pull;
    }

    boolean exists(String image) {
        LibpodResponse r = http.request("GET", "images", image, "exists").resource(image).send();
        if (r.status() == 404) {
            return false;
        }
        r.requireSuccess();
        return true;
    }

    Optional<ImageInfo> find(String image) {
        LibpodResponse r = http.request("GET", "images", image, "json").resource(image).send();
        if (r.status() == 404) {
            return Optional.empty();
        }
        return Optional.of(LibpodModels.image(r.requireSuccess().json()));
    }

    void pull(String image, PullListener listener) {
        pull.pull(image, listener);
    }

    /** {@code POST /libpod/build}: the context as a tar; the answer streams {@code stream}/{@code error} lines. */
    String build(BuildSpec spec, Consumer<String> output) {
        spec.requireFiles();
        String tag = spec.tags().get(0);
        OutputTail tail = spec.outputTail(output);
        LibpodHttp.RequestBuilder request = http.request("POST", "build").query("dockerfile", spec.dockerfile())
                .query("buildargs", json(spec.args())).query("labels", json(spec.labels()))
                .query("target", spec.target()).query("nocache", spec.noCache()).query("pull", false)
                .query("rm", true).body(new ContextTar(spec.context())).resource(tag);
        spec.tags().forEach(t -> request.query("t", t));
        String[] error = {null};
        String[] lastLine = {""};
        try (LibpodHttp.StreamingCall call = request.openStream()) {
            new JsonObjectReader(http.mapper()).readAll(call.body(), n -> {
                if (n.hasNonNull("error")) {
                    error[0] = n.get("error").asText();
                    return false;
                }
                if (n.hasNonNull("stream")) {
                    n.get("stream").asText().lines().forEach(line -> {
                        tail.accept(line);
                        if (!line.isBlank()) {
                            lastLine[0] = line.strip();
                        }
                    });
                }
                return true;
            });
        } catch (java.io.IOException e) {
            throw new EngineException(ID, tag, "the build of " + tag + " broke off: " + e.getMessage(), e);
        }
        if (error[0] != null) {
            throw spec.failure(ID, error[0], tail);
        }
        // the builder's last line is the new image's id
        return IMAGE_ID.matcher(lastLine[0]).matches() ? lastLine[0] : find(tag).map(ImageInfo::id)
                .orElseThrow(() -> new EngineException(ID, tag, "the build of " + tag + " ended without an image",
                        null));
    }

    private String json(Object value) {
        try {
            return http.mapper().writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    void tag(String source, String target) {
        int slash = target.lastIndexOf('/');
        int colon = target.lastIndexOf(':');
        String repo = colon > slash ? target.substring(0, colon) : target;
        String tag = colon > slash ? target.substring(colon + 1) : "latest";
        LibpodResponse r = http.request("POST", "images", source, "tag").query("repo", repo).query("tag", tag)
                .resource(source).send();
        if (r.status() == 404) {
            throw PodmanErrors.imageMissing(source);
        }
        r.requireSuccess();
    }
}
