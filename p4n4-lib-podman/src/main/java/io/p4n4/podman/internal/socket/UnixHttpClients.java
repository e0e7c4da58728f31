package io.p4n4.podman.internal.socket;

import java.net.InetAddress;
import java.net.Proxy;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import okhttp3.ConnectionSpec;
import okhttp3.Dns;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/** Builds OkHttp clients whose every connection goes to one unix socket file. */
public final class UnixHttpClients {
    /**
     * The host name used in request URLs and the {@code Host} header. It is never resolved: the
     * {@link Dns} below answers with a loopback placeholder and the socket ignores it.
     */
    public static final String HOST = "podman";

    private UnixHttpClients() {
    }

    /** Returns the base URL ({@code http://podman/}) to resolve request paths against. */
    public static HttpUrl baseUrl() {
        return new HttpUrl.Builder().scheme("http").host(HOST).build();
    }

    /**
     * Creates a client for the unix socket at {@code socket}, plain HTTP only. Calls to other hosts fail. The read
     * timeout applies per read; streaming calls (logs, events) should use a variant with none.
     */
    public static OkHttpClient create(Path socket, Duration connectTimeout, Duration readTimeout) {
        return new OkHttpClient.Builder()
                .socketFactory(new UnixSocketFactory(socket))
                .dns(UnixHttpClients::placeholder)
                .proxy(Proxy.NO_PROXY)
                // plain HTTP only: a client allowed TLS builds the JDK's trust manager at construction, which
                // reads the CA trust store (the largest single cost of the CLI's start-up on Podman); no TLS is
                // ever spoken on a unix socket, and an https URL now fails instead of being tried
                .connectionSpecs(List.of(ConnectionSpec.CLEARTEXT))
                .retryOnConnectionFailure(true)
                .connectTimeout(connectTimeout)
                .readTimeout(readTimeout)
                .writeTimeout(readTimeout)
                .build();
    }

    private static List<InetAddress> placeholder(String host) throws UnknownHostException {
        if (!HOST.equals(host)) {
            throw new UnknownHostException(host + " (this client only reaches its unix socket, as host " + HOST + ")");
        }
        return List.of(InetAddress.getByAddress(host, new byte[] {127, 0, 0, 1}));
    }
}
