package org.pchat.server.xmpp;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Presence of XMPP occupants as the room sends it (XEP-0045 §7.2.3, §7.6, §9, §10.9): the occupant's own payload,
 * the muc#user item (the real JID only where the room's whois setting allows it), status codes, and 110 on the
 * copy that goes to the occupant itself. Callers hold the room's monitor.
 */
final class MucPresence {

    private final MucRenderer render;

    MucPresence(MucRenderer render) {
        this.render = Objects.requireNonNull(render, "render");
    }

    /** The presence of {@code subject} for {@code recipient}. */
    XmlElement of(MucRoom room, MucOccupant subject, MucOccupant recipient, boolean available, List<String> codes,
                  List<XmlElement> extra, String newNick) {
        boolean self = subject == recipient;
        boolean showJid = self || room.whoisAnyone() || recipient.role() == MucRole.MODERATOR;
        List<String> all = new ArrayList<>(codes);
        if (self) {
            all.add("110");
        }
        XmlElement item = MucRenderer.item(room.affiliation(subject.userUri()),
                available ? subject.role() : MucRole.NONE, showJid ? subject.jid().toString() : null, newNick);
        return render.presence(room.name(), subject.nick(), recipient.jid(), available,
                available ? subject.payload() : List.of(), item, all, extra);
    }

    /** Sends the presence of {@code subject} to every XMPP occupant of the room, itself included. */
    void broadcast(MucRoom room, MucOccupant subject, boolean available, List<String> codes,
                   List<XmlElement> extra, String newNick) {
        for (MucOccupant recipient : room.occupants()) {
            recipient.session().send(of(room, subject, recipient, available, codes, extra, newNick));
        }
        if (!room.occupants().contains(subject)) {
            subject.session().send(of(room, subject, subject, available, codes, extra, newNick));
        }
    }
}
