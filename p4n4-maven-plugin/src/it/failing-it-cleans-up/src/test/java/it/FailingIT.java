package it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Reaches the service, then fails on purpose: the stack must still be removed. */
class FailingIT {

    @Test
    void failsAfterReachingTheService() throws Exception {
        String url = "http://" + System.getProperty("web.host") + ":" + System.getProperty("web.port") + "/";
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());

        fail("P4N4-IT-EXPECTED-FAILURE after the service answered " + response.body().trim());
    }
}
