package org.pchat.interop.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/** TCP ports the operating system reports free on the loopback interface, so parallel runs do not clash. */
public final class FreePorts {

    private FreePorts() {
    }

    /** One free port. */
    public static int one() {
        return take(1).get(0);
    }

    /**
     * {@code count} distinct free ports: every socket stays bound until all are chosen, so the ports differ.
     *
     * @param count how many ports
     */
    public static List<Integer> take(int count) {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                sockets.add(socket);
            }
            return sockets.stream().map(ServerSocket::getLocalPort).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find " + count + " free TCP ports", e);
        } finally {
            for (ServerSocket socket : sockets) {
                release(socket);
            }
        }
    }

    private static void release(ServerSocket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot release probe socket on port " + socket.getLocalPort(), e);
        }
    }
}
