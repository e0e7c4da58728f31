package it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Reaches the web service p4n4:up started, at the port failsafe passes in from p4n4.web.80. */
class WebIT {

    @Test
    void theWebServiceAnswersOnItsPublishedPort() throws Exception {
        String url = "http://" + System.getProperty("web.host") + ":" + System.getProperty("web.port") + "/";
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(200, response.statusCode());
        assertEquals("hello-from-p4n4-maven-plugin\n", response.body());
    }
}
