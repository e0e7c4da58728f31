package io.p4n4.server.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import java.io.IOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one {@link HttpHandler} of the server: guards, then the route; failures become problem details. An
 * unexpected exception is logged with its stack and answered as a 500 whose detail names only its type, so
 * nothing internal (or secret) leaks to the client.
 */
public final class Dispatcher implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);

    private final Router router;
    private final Guards guards;
    private final long maxBodyBytes;

    /** A dispatcher over {@code router}, requiring {@code token} on mutating calls. */
    public Dispatcher(Router router, String token, List<String> corsOrigins, long maxBodyBytes) {
        this.router = router;
        this.guards = new Guards(token, corsOrigins);
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public void handle(HttpExchange http) throws IOException {
        Exchange exchange = new Exchange(http, java.util.Map.of(), maxBodyBytes);
        try {
            if (guards.checkOrigin(http)) {
                return;
            }
            Router.Matched matched = router.match(http.getRequestMethod(), http.getRequestURI().getRawPath());
            guards.checkToken(http);
            exchange = new Exchange(http, matched.params(), maxBodyBytes);
            exchange.refuseUnknownQuery(matched.route().query());
            matched.route().handler().handle(exchange);
        } catch (P4n4Exception e) {
            LOG.debug("{} {}: {} {}", http.getRequestMethod(), http.getRequestURI().getRawPath(), e.code(),
                    e.getMessage());
            answer(exchange, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.error("{} {} failed", http.getRequestMethod(), http.getRequestURI().getRawPath(), e);
            answer(exchange, new P4n4Exception(ErrorCode.GENERAL, "the server failed with "
                    + e.getClass().getSimpleName() + "; its log has the details"));
        } finally {
            http.close();
        }
    }

    private static void answer(Exchange exchange, P4n4Exception e) throws IOException {
        if (!exchange.answered()) {
            exchange.problem(e);
        }
    }
}
