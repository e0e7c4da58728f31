package io.p4n4.core.template.internal;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import io.p4n4.api.spi.TemplateSource;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * A static index over HTTP(S): a URL ending in {@code .json}. Fetching downloads the index alone, as
 * {@code index.json}; its entries carry {@code tarball} URLs that {@link Tarballs} downloads and checks.
 */
public final class HttpIndexSource implements TemplateSource {
    private final HttpClient http;

    /** A source using {@code http}. */
    public HttpIndexSource(HttpClient http) {
        this.http = http;
    }

    @Override
    public String id() {
        return "https-index";
    }

    @Override
    public String description() {
        return "a static index.json over HTTPS (or HTTP), templates as .tar.gz with sha256";
    }

    @Override
    public int priority() {
        return 0;
    }

    @Override
    public boolean accepts(URI location) {
        String scheme = location.getScheme() == null ? "" : location.getScheme().toLowerCase(Locale.ROOT);
        return (scheme.equals("https") || scheme.equals("http")) && location.getPath() != null
                && location.getPath().endsWith(".json");
    }

    @Override
    public void fetch(URI location, Path target) {
        download(http, location, target.resolve("index.json"), "registry index");
    }

    /** GETs {@code url} into {@code file}; NETWORK error naming the URL on failure or a non-200 answer. */
    static void download(HttpClient http, URI url, Path file, String what) {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(60)).GET().build();
        HttpResponse<Path> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofFile(file));
        } catch (IOException e) {
            throw new P4n4Exception(ErrorCode.NETWORK, "cannot download the " + what + " " + url + ": "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new P4n4Exception(ErrorCode.NETWORK, "interrupted while downloading " + url, e);
        }
        if (response.statusCode() != 200) {
            throw new P4n4Exception(ErrorCode.NETWORK, "the " + what + " " + url + " answered HTTP "
                    + response.statusCode() + "; check the URL");
        }
    }
}
