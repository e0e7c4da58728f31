package io.p4n4.clients.internal.edgeimpulse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import io.p4n4.api.ServiceException;
import io.p4n4.api.clients.edgeimpulse.EdgeImpulseClient;
import io.p4n4.api.clients.edgeimpulse.InferenceResult;
import io.p4n4.api.clients.edgeimpulse.RunnerInfo;
import io.p4n4.clients.internal.http.HttpService;
import io.p4n4.clients.internal.http.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.RequestBody;

/** {@link EdgeImpulseClient} over HTTP, falling back between runner shapes on 404. Immutable and thread-safe. */
public final class HttpEdgeImpulseClient implements EdgeImpulseClient {
    private static final List<String> IMAGE_EXTENSIONS = List.of(".jpg", ".jpeg", ".png", ".bmp");

    private final HttpService http;

    /** Creates the client on a configured service. */
    public HttpEdgeImpulseClient(HttpService http) {
        this.http = Objects.requireNonNull(http, "http");
    }

    @Override
    public RunnerInfo info() {
        return firstFound(
                () -> RunnerJson.info("/api/info", http.get("/api/info").json()),
                () -> RunnerJson.info("/api/v1/info", http.get("/api/v1/info").json()),
                () -> RunnerJson.info("/health", http.get("/health").json()));
    }

    @Override
    public InferenceResult classify(List<Double> features) {
        ObjectNode body = Json.object();
        ArrayNode f = body.putArray("features");
        features.forEach(f::add);
        // classification has no side effects: safe to retry
        return RunnerJson.result(http.post("/api/features").idempotent(true).json(body).json());
    }

    @Override
    public InferenceResult infer(Path file) {
        byte[] bytes = read(file);
        String name = file.getFileName().toString();
        boolean image = IMAGE_EXTENSIONS.stream().anyMatch(name.toLowerCase(Locale.ROOT)::endsWith);
        Supplier<InferenceResult> viaImage = () -> upload("/api/image", name, bytes, image);
        Supplier<InferenceResult> viaContract = () -> upload("/api/v1/infer", name, bytes, image);
        if (image) {
            return firstFound(viaImage, viaContract);
        }
        return firstFound(viaContract, () -> classify(csvFeatures(file, bytes)));
    }

    private InferenceResult upload(String path, String name, byte[] bytes, boolean image) {
        MediaType type = MediaType.get(image ? imageType(name) : "application/octet-stream");
        RequestBody body = new MultipartBody.Builder().setType(MultipartBody.FORM)
                .addFormDataPart("file", name, RequestBody.create(bytes, type)).build();
        JsonNode n = http.post(path).idempotent(true).body(body).json();
        return RunnerJson.result(n);
    }

    private static String imageType(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".png")) {
            return "image/png";
        }
        if (lower.endsWith(".bmp")) {
            return "image/bmp";
        }
        return "image/jpeg";
    }

    /** Numbers separated by commas, whitespace or newlines; a header line of labels is skipped. */
    private static List<Double> csvFeatures(Path file, byte[] bytes) {
        List<Double> out = new ArrayList<>();
        String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\\R");
        for (int i = 0; i < lines.length; i++) {
            for (String cell : lines[i].split("[,;\\s]+")) {
                if (cell.isBlank()) {
                    continue;
                }
                try {
                    out.add(Double.parseDouble(cell.strip()));
                } catch (NumberFormatException e) {
                    if (i == 0) {
                        break; // header line
                    }
                    throw new P4n4Exception(ErrorCode.USER, file + ":" + (i + 1) + ": '" + cell.strip()
                            + "' is not a number; a raw sample is numbers separated by commas or spaces");
                }
            }
        }
        return out;
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new P4n4Exception(ErrorCode.USER, file + ": cannot read the sample (" + e.getMessage()
                    + "); give an existing image or CSV file", e);
        }
    }

    @SafeVarargs
    private static <T> T firstFound(Supplier<T>... attempts) {
        ServiceException last = null;
        for (Supplier<T> attempt : attempts) {
            try {
                return attempt.get();
            } catch (ServiceException e) {
                if (e.status() != 404) {
                    throw e;
                }
                last = e;
            }
        }
        throw last;
    }
}
