package org.pchat.server.xmpp;

import java.util.List;
import java.util.Objects;

/**
 * One XMPP occupant of a room on this node (XEP-0045 §5): a session under a nickname with its session-scoped role
 * and the last presence payload it sent (show, status, other extensions), which the room repeats to the others.
 * Guarded by its {@link MucRoom}'s monitor.
 */
final class MucOccupant {

    private final XmppSession session;
    private final MucService.XmppParticipant participant;
    private String nick;
    private MucRole role;
    private List<XmlElement> payload;

    MucOccupant(XmppSession session, MucService.XmppParticipant participant, String nick, MucRole role,
                List<XmlElement> payload) {
        this.session = Objects.requireNonNull(session, "session");
        this.participant = Objects.requireNonNull(participant, "participant");
        this.nick = Objects.requireNonNull(nick, "nick");
        this.role = Objects.requireNonNull(role, "role");
        this.payload = List.copyOf(payload);
    }

    XmppSession session() {
        return session;
    }

    MucService.XmppParticipant participant() {
        return participant;
    }

    String userUri() {
        return session.userUri();
    }

    Jid jid() {
        return session.jid();
    }

    String nick() {
        return nick;
    }

    void nick(String newNick) {
        nick = Objects.requireNonNull(newNick, "newNick");
    }

    MucRole role() {
        return role;
    }

    void role(MucRole newRole) {
        role = Objects.requireNonNull(newRole, "newRole");
    }

    List<XmlElement> payload() {
        return payload;
    }

    void payload(List<XmlElement> newPayload) {
        payload = List.copyOf(newPayload);
    }
}
