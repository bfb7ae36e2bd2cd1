package org.pchat.server.sip;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The server INFOs of every session on one node that wait in their session's queue or were sent and are not
 * answered yet: how far the node is behind on what it owes its clients. Each {@link OutboundInfoQueue} adds an
 * INFO when it queues one and removes it when it is answered or dropped; {@link BusyAdmission} reads the sum.
 */
final class InfoBacklog {

    private final AtomicLong count = new AtomicLong();

    void added() {
        count.incrementAndGet();
    }

    void removed(int infos) {
        if (infos > 0) {
            count.addAndGet(-infos);
        }
    }

    long count() {
        return count.get();
    }
}
