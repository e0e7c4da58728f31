package io.p4n4.core.doctor.internal;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Whether a host port is free on this machine: binding it is the only reliable test. */
public final class HostPorts {
    private HostPorts() {
    }

    /** True when {@code port} ({@code tcp} or {@code udp}) can be bound on {@code hostIp} ({@code ""}: every address). */
    public static boolean free(String hostIp, int port, String protocol) {
        InetSocketAddress address = hostIp.isEmpty() || hostIp.equals("0.0.0.0") ? new InetSocketAddress(port)
                : new InetSocketAddress(hostIp, port);
        if ("udp".equalsIgnoreCase(protocol)) {
            try (DatagramSocket s = new DatagramSocket(null)) {
                s.bind(address);
                return true;
            } catch (IOException e) {
                return false;
            }
        }
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(address);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
