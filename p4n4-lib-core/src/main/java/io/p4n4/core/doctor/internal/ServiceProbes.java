package io.p4n4.core.doctor.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reachability of NATS and MQTT over a plain TCP socket, without their client libraries: NATS sends an
 * {@code INFO} line first; an MQTT broker answers a 3.1.1 {@code CONNECT} (anonymous, clean session) with a
 * {@code CONNACK}. TLS endpoints are not probed.
 */
public final class ServiceProbes {
    private static final Pattern NATS_VERSION = Pattern.compile("\"version\"\\s*:\\s*\"([^\"]+)\"");

    private ServiceProbes() {
    }

    /**
     * What a probe found.
     *
     * @param reachable whether the service answered as it should
     * @param accepted for MQTT, whether the broker accepted the anonymous CONNECT (always true for NATS)
     * @param detail what answered, or why nothing did
     */
    public record Outcome(boolean reachable, boolean accepted, String detail) {
    }

    /** Connects to {@code url} ({@code nats://host:port}, default port 4222) and reads the server's INFO line. */
    public static Outcome nats(URI url, Duration timeout) {
        try (Socket s = open(url, 4222, timeout)) {
            String line = readLine(s.getInputStream());
            if (!line.startsWith("INFO ")) {
                return new Outcome(false, false, "something answered at " + address(url, 4222)
                        + " but not with a NATS INFO line");
            }
            Matcher m = NATS_VERSION.matcher(line);
            return new Outcome(true, true, "nats-server " + (m.find() ? m.group(1) : "(version unknown)")
                    + " answered at " + address(url, 4222));
        } catch (IOException e) {
            return new Outcome(false, false, "no NATS server at " + address(url, 4222) + ": " + e.getMessage());
        }
    }

    /** Connects to {@code url} ({@code mqtt://host:port}, default port 1883), sends CONNECT and reads CONNACK. */
    public static Outcome mqtt(URI url, Duration timeout) {
        try (Socket s = open(url, 1883, timeout)) {
            OutputStream out = s.getOutputStream();
            out.write(connectPacket("p4n4-doctor-" + Long.toHexString(System.nanoTime())));
            out.flush();
            byte[] ack = s.getInputStream().readNBytes(4);
            if (ack.length < 4 || (ack[0] & 0xF0) != 0x20 || ack[1] != 2) {
                return new Outcome(false, false, "something answered at " + address(url, 1883)
                        + " but not with an MQTT CONNACK");
            }
            int code = ack[3] & 0xFF;
            if (code == 0) {
                return new Outcome(true, true, "MQTT broker at " + address(url, 1883) + " accepted an anonymous"
                        + " CONNECT (CONNACK 0)");
            }
            return new Outcome(true, false, "MQTT broker at " + address(url, 1883) + " answered CONNACK " + code
                    + (code == 4 || code == 5 ? " (not authorized): clients need a user and password" : ""));
        } catch (IOException e) {
            return new Outcome(false, false, "no MQTT broker at " + address(url, 1883) + ": " + e.getMessage());
        }
    }

    /** An MQTT 3.1.1 CONNECT: clean session, keep-alive 10 s, no user. */
    static byte[] connectPacket(String clientId) {
        byte[] id = clientId.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(new byte[] {0, 4, 'M', 'Q', 'T', 'T', 4, 0x02, 0, 10});
        body.write(id.length >> 8);
        body.write(id.length & 0xFF);
        body.writeBytes(id);
        ByteArrayOutputStream packet = new ByteArrayOutputStream();
        packet.write(0x10);
        packet.write(body.size()); // < 128 for any client id p4n4 uses
        packet.writeBytes(body.toByteArray());
        return packet.toByteArray();
    }

    private static Socket open(URI url, int defaultPort, Duration timeout) throws IOException {
        Socket s = new Socket();
        try {
            s.connect(new InetSocketAddress(host(url), port(url, defaultPort)), (int) timeout.toMillis());
            s.setSoTimeout((int) timeout.toMillis());
            return s;
        } catch (IOException e) {
            s.close();
            throw e;
        }
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b >= 0 && b != '\n' && line.size() < 8192; b = in.read()) {
            line.write(b);
        }
        return line.toString(StandardCharsets.UTF_8).strip();
    }

    private static String host(URI url) {
        return url.getHost() == null ? "127.0.0.1" : url.getHost();
    }

    private static int port(URI url, int defaultPort) {
        return url.getPort() < 0 ? defaultPort : url.getPort();
    }

    private static String address(URI url, int defaultPort) {
        return host(url) + ":" + port(url, defaultPort);
    }
}
