package org.pchat.server.xmpp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** A plain socket speaking raw bytes to the endpoint, for hostile-input tests. */
final class RawXmppClient implements AutoCloseable {

    static final String HEADER = "<?xml version='1.0'?><stream:stream xmlns='jabber:client'"
            + " xmlns:stream='http://etherx.jabber.org/streams' to='example.com' version='1.0'>";

    private final Socket socket;
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();

    RawXmppClient(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(10_000);
    }

    /** Opens the stream, authenticates with PLAIN, restarts and binds; returns what was received so far. */
    String loginPlain(String user, String password) throws IOException {
        send(HEADER).readUntil("</stream:features>");
        String plain = Base64.getEncoder().encodeToString(("\0" + user + "\0" + password)
                .getBytes(StandardCharsets.UTF_8));
        send("<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>" + plain + "</auth>")
                .readUntil("<success");
        send(HEADER).readUntil("<bind");
        return send("<iq type='set' id='bind1'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'/></iq>")
                .readUntil("</jid>");
    }

    /** Forgets what was received so far. */
    void clear() {
        received.reset();
    }

    RawXmppClient send(String xml) throws IOException {
        socket.getOutputStream().write(xml.getBytes(StandardCharsets.UTF_8));
        socket.getOutputStream().flush();
        return this;
    }

    RawXmppClient send(byte[] bytes) throws IOException {
        socket.getOutputStream().write(bytes);
        socket.getOutputStream().flush();
        return this;
    }

    /** The raw output, for writers that stream large input. */
    OutputStream output() throws IOException {
        return socket.getOutputStream();
    }

    /** Half-closes the connection: the server reads end of input. */
    RawXmppClient shutdownOutput() throws IOException {
        socket.shutdownOutput();
        return this;
    }

    /** Everything the server sent until it closed the connection (or 10 s passed). */
    String readUntilClosed() throws IOException {
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[8192];
        try {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                received.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException e) {
            received.write(("[timeout: " + e.getMessage() + "]").getBytes(StandardCharsets.UTF_8));
        }
        return received.toString(StandardCharsets.UTF_8);
    }

    /** Reads until the text received so far contains {@code marker}. */
    String readUntil(String marker) throws IOException {
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[8192];
        while (!received.toString(StandardCharsets.UTF_8).contains(marker)) {
            int n = in.read(buffer);
            if (n < 0) {
                break;
            }
            received.write(buffer, 0, n);
        }
        return received.toString(StandardCharsets.UTF_8);
    }

    /** Reads until the text received so far contains {@code marker} {@code count} times. */
    String readUntilCount(String marker, int count) throws IOException {
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[8192];
        while (occurrences(received.toString(StandardCharsets.UTF_8), marker) < count) {
            int n = in.read(buffer);
            if (n < 0) {
                break;
            }
            received.write(buffer, 0, n);
        }
        return received.toString(StandardCharsets.UTF_8);
    }

    /** Everything received so far. */
    String received() {
        return received.toString(StandardCharsets.UTF_8);
    }

    private static int occurrences(String text, String marker) {
        int found = 0;
        for (int at = text.indexOf(marker); at >= 0; at = text.indexOf(marker, at + marker.length())) {
            found++;
        }
        return found;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
