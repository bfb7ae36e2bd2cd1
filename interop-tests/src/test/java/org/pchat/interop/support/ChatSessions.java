package org.pchat.interop.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Opens chat sessions against one node (clients INVITE its chat URI directly on its SIP port) and closes all
 * of them at the end of a test, so no session outlives the test that opened it.
 */
public final class ChatSessions implements AutoCloseable {
    private final PchatProcess node;
    private final List<XccosTestClient> open = new ArrayList<>();

    /** Sessions against {@code node}. */
    public ChatSessions(PchatProcess node) {
        this.node = Objects.requireNonNull(node, "node");
    }

    /** A session for {@code userUri} with default options. */
    public XccosTestClient open(String userUri) {
        return open(userUri, UnaryOperator.identity());
    }

    /** A session for {@code userUri} with adjusted options (e.g. another {@link InfoAnswer}). */
    public synchronized XccosTestClient open(String userUri, UnaryOperator<ClientOptions> adjust) {
        XccosTestClient client = XccosTestClient.session(adjust.apply(ClientOptions.of(userUri, node.sip())),
                node.chatUri());
        open.add(client);
        return client;
    }

    /** A client with its stack started but no session, for tests that INVITE themselves. */
    public synchronized XccosTestClient idle(String userUri) {
        XccosTestClient client = XccosTestClient.start(ClientOptions.of(userUri, node.sip()));
        open.add(client);
        return client;
    }

    /** Ends every session (BYE) and stops every client stack. */
    @Override
    public synchronized void close() {
        for (XccosTestClient client : open) {
            client.close();
        }
        open.clear();
    }
}
