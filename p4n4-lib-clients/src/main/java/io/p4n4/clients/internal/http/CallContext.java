package io.p4n4.clients.internal.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.p4n4.api.ErrorCode;
import io.p4n4.api.ServiceException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;

/**
 * What one call is (service, method, path, safe URL) and how its failures read. Every
 * {@link ServiceException} of the HTTP layer is made here, so all messages share one shape:
 * {@code <service> <METHOD> <url>: <what happened>. <what to do>}.
 *
 * @param service the service name, e.g. {@code ollama}
 * @param method the HTTP method
 * @param path the request path, without query string
 * @param url the URL as shown to users ({@link SafeUrl})
 */
public record CallContext(String service, String method, String path, String url) {

    /** No response arrived: refused, unknown host, timeout, reset. */
    public ServiceException unreachable(IOException e) {
        String what;
        if (e instanceof ConnectException) {
            what = "connection refused";
        } else if (e instanceof UnknownHostException) {
            what = "unknown host";
        } else if (e instanceof SocketTimeoutException || e instanceof InterruptedIOException) {
            what = "timed out waiting for the service";
        } else {
            what = "no response (" + e.getClass().getSimpleName() + ")";
        }
        return new ServiceException(ErrorCode.NETWORK, service, method, path, 0, null,
                prefix() + what + ". Is the " + service + " service running and is the URL right?", e);
    }

    /** The server answered with an error status. */
    public ServiceException status(int status, String serverMessage) {
        ErrorCode code;
        String advice;
        if (status == 401 || status == 403) {
            code = ErrorCode.USER;
            advice = "check the credentials configured for " + service;
        } else if (status == 400 || status == 422) {
            code = ErrorCode.VALIDATION;
            advice = "the request was rejected as invalid";
        } else if (status == 404) {
            code = ErrorCode.USER;
            advice = "the resource does not exist (or the URL does not point at " + service + ")";
        } else if (status < 500 && status != 429) {
            code = ErrorCode.USER;
            advice = "the request was refused";
        } else {
            code = ErrorCode.NETWORK;
            advice = service + " is failing or overloaded; try again later";
        }
        String msg = prefix() + "HTTP " + status + (serverMessage == null ? "" : ": " + serverMessage)
                + " (" + advice + ")";
        return new ServiceException(code, service, method, path, status, serverMessage, msg, null);
    }

    /**
     * The server answered with an error status and a {@code Retry-After} header (seconds or an HTTP
     * date, or {@code null}): as {@link #status(int, String)}, carrying the wait when it is positive
     * ({@link ServiceException#retryAfter()}).
     */
    public ServiceException status(int status, String serverMessage, String retryAfter) {
        ServiceException e = status(status, serverMessage);
        long millis = Backoff.retryAfterMillis(retryAfter);
        return millis <= 0 ? e : new ServiceException(e.code(), service, method, path, status, serverMessage,
                e.getMessage(), null, Duration.ofMillis(millis));
    }

    /** The response arrived but its body could not be read or understood. */
    public ServiceException badBody(int status, IOException e) {
        if (e instanceof JsonProcessingException j) {
            String problem = j.getOriginalMessage();
            return new ServiceException(ErrorCode.NETWORK, service, method, path, status, null,
                    prefix() + "the response is not the JSON " + service + " sends (" + firstLine(problem)
                            + "). Does the URL point at " + service + "?", e);
        }
        if (e instanceof SocketTimeoutException || e instanceof InterruptedIOException) {
            // OkHttp says "timeout" or the socket says "Read timed out", depending on which clock fired
            return new ServiceException(ErrorCode.NETWORK, service, method, path, status, null,
                    prefix() + "read timeout: the response fell silent for longer than the read timeout."
                            + " Raise readTimeout if " + service + " is slow to answer", e);
        }
        return new ServiceException(ErrorCode.NETWORK, service, method, path, status, null,
                prefix() + "the connection broke while reading the response (" + firstLine(String.valueOf(
                        e.getMessage())) + ")", e);
    }

    /** The response was well-formed JSON but not the expected shape. */
    public ServiceException unexpected(int status, String problem) {
        return new ServiceException(ErrorCode.NETWORK, service, method, path, status, null,
                prefix() + "unexpected response: " + problem, null);
    }

    /**
     * The service reported a failure inside a successful (200) stream, as Ollama does for a pull of
     * an unknown model: a USER error carrying the server's message.
     */
    public ServiceException failedInStream(String serverMessage) {
        return new ServiceException(ErrorCode.USER, service, method, path, 200, serverMessage,
                prefix() + serverMessage, null);
    }

    /**
     * The service reported an error inside a successful (200) stream after the answer had started,
     * as Ollama and Letta do when generation fails: a NETWORK error (the server failed, as a 5xx
     * would say) carrying the server's message. What arrived before it is incomplete.
     */
    public ServiceException failedMidStream(String serverMessage) {
        return new ServiceException(ErrorCode.NETWORK, service, method, path, 200, serverMessage,
                prefix() + "the server reported an error mid-stream: " + serverMessage
                        + " (the answer so far is incomplete; try again, or check the " + service + " server's log)",
                null);
    }

    private String prefix() {
        return service + " " + method + " " + url + ": ";
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
