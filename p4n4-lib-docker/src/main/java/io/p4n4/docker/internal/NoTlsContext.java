package io.p4n4.docker.internal;

import java.security.KeyManagementException;
import java.security.SecureRandom;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

/**
 * The TLS context handed to docker-java's transport for a {@code unix://} endpoint, where no TLS is ever
 * spoken. Without one, the transport builds the JDK's default context at construction, which reads the CA
 * trust store (a noticeable part of the CLI's start-up). Every TLS operation on it fails loudly instead of
 * falling back to anything, so a wrong use cannot go unnoticed.
 */
final class NoTlsContext {
    private NoTlsContext() {
    }

    /** A context that refuses every TLS operation; for unix-socket transports only. */
    static SSLContext forUnixSocket(String socket) {
        return new SSLContext(new Refusing(socket), null, "none") {
        };
    }

    private static final class Refusing extends SSLContextSpi {
        private final String socket;

        Refusing(String socket) {
            this.socket = socket;
        }

        private UnsupportedOperationException refused() {
            return new UnsupportedOperationException("TLS is not used on the unix socket " + socket
                    + "; use a tcp:// endpoint for a TLS connection");
        }

        @Override
        protected void engineInit(KeyManager[] km, TrustManager[] tm, SecureRandom sr)
                throws KeyManagementException {
            throw refused();
        }

        @Override
        protected SSLSocketFactory engineGetSocketFactory() {
            throw refused();
        }

        @Override
        protected SSLServerSocketFactory engineGetServerSocketFactory() {
            throw refused();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine() {
            throw refused();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine(String host, int port) {
            throw refused();
        }

        @Override
        protected SSLSessionContext engineGetServerSessionContext() {
            throw refused();
        }

        @Override
        protected SSLSessionContext engineGetClientSessionContext() {
            throw refused();
        }
    }
}
