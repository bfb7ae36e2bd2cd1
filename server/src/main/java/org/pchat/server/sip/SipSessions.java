package org.pchat.server.sip;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The live channel sessions of this node by dialog id. */
final class SipSessions {

    private final Map<String, SipSession> byDialog = new ConcurrentHashMap<>();

    void add(SipSession session) {
        byDialog.put(session.id(), session);
    }

    Optional<SipSession> get(String dialogId) {
        return Optional.ofNullable(byDialog.get(dialogId));
    }

    Optional<SipSession> remove(String dialogId) {
        return Optional.ofNullable(byDialog.remove(dialogId));
    }

    List<SipSession> all() {
        return List.copyOf(byDialog.values());
    }

    int size() {
        return byDialog.size();
    }
}
