package org.pchat.server.xmpp;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.pchat.server.domain.ChatMessage;
import org.pchat.server.domain.RoomRole;

/**
 * Renders rooms and their events as MUC stanzas (XEP-0045): occupant presence, groupchat messages with a
 * stanza-id (XEP-0359) and, for history, a delay stamp (XEP-0203). XMPP occupants appear under the nickname they
 * chose; SIP users under a nickname derived from their URI: the local part for users of this domain,
 * {@code user@domain} otherwise.
 */
final class MucRenderer {

    private final XmppEndpointConfig config;

    MucRenderer(XmppEndpointConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /** The bare room JID of a room name. */
    Jid roomJid(String roomName) {
        return new Jid(RoomJids.localPart(roomName), config.mucDomain(), "");
    }

    /** The nickname of a user who is not an XMPP occupant (a SIP user, or a history author). */
    String nick(String userUri) {
        String user = userUri.substring("sip:".length());
        String domainSuffix = "@" + config.domain();
        return user.endsWith(domainSuffix) ? user.substring(0, user.length() - domainSuffix.length()) : user;
    }

    /** The bare JID of a user. */
    String bareJid(String userUri) {
        return userUri.substring("sip:".length());
    }

    /** The muc#user item of an occupant (XEP-0045 §7.2.3); {@code role}, {@code jid}, {@code nick} may be null. */
    static XmlElement item(MucAffiliation affiliation, MucRole role, String jid, String nick) {
        return XmlElement.builder("item", Namespaces.MUC_USER)
                .attr("affiliation", affiliation.text())
                .attr("role", role == null ? null : role.text())
                .attr("jid", jid)
                .attr("nick", nick)
                .build();
    }

    /**
     * Occupant presence from the room.
     *
     * @param nick      the occupant's nickname
     * @param to        the recipient
     * @param available false for unavailable presence
     * @param payload   the occupant's own presence children (show, status, …), repeated to the others
     * @param item      the muc#user item
     * @param codes     status codes (XEP-0045 §15.6)
     * @param extra     further muc#user children (destroy), or none
     */
    XmlElement presence(String roomName, String nick, Jid to, boolean available, List<XmlElement> payload,
                        XmlElement item, List<String> codes, List<XmlElement> extra) {
        XmlElement.Builder x = XmlElement.builder("x", Namespaces.MUC_USER).child(item);
        for (String code : codes) {
            x.child(status(code));
        }
        extra.forEach(x::child);
        XmlElement.Builder presence = XmlElement.builder("presence", Namespaces.CLIENT)
                .attr("from", roomJid(roomName).withResource(nick).toString())
                .attr("to", to.toString())
                .attr("type", available ? null : "unavailable");
        payload.forEach(presence::child);
        return presence.child(x.build()).build();
    }

    /** Presence of a user who is not an XMPP occupant (a SIP user) to an XMPP occupant. */
    XmlElement occupant(String roomName, String userUri, Set<RoomRole> roles, Jid to, boolean available,
                        boolean moderated) {
        MucAffiliation affiliation = roles.contains(RoomRole.MANAGER) ? MucAffiliation.OWNER
                : roles.isEmpty() ? MucAffiliation.NONE : MucAffiliation.MEMBER;
        MucRole role = !available ? MucRole.NONE : roles.contains(RoomRole.MANAGER) ? MucRole.MODERATOR
                : moderated && !roles.contains(RoomRole.PRESENTER) ? MucRole.VISITOR : MucRole.PARTICIPANT;
        return presence(roomName, nick(userUri), to, available, List.of(),
                item(affiliation, role, bareJid(userUri), null), List.of(), List.of());
    }

    /** A groupchat message from history (delayed) or live, under the author's derived nickname. */
    XmlElement message(String roomName, ChatMessage message, Jid to, boolean delayed) {
        return message(roomName, message, to, delayed, "pchat-" + message.id(), nick(message.authorUri()));
    }

    /**
     * A groupchat message with a given stanza id and nickname: the author's echo carries the id the author's client
     * sent (XEP-0045 §7.2.3), so the client can match it.
     */
    XmlElement message(String roomName, ChatMessage message, Jid to, boolean delayed, String id, String nick) {
        Jid room = roomJid(roomName);
        XmlElement.Builder stanza = XmlElement.builder("message", Namespaces.CLIENT)
                .attr("from", room.withResource(nick).toString())
                .attr("to", to.toString())
                .attr("type", "groupchat")
                .attr("id", id)
                .textChild("body", Namespaces.CLIENT, message.text());
        if (delayed) {
            stanza.child(XmlElement.builder("delay", Namespaces.DELAY)
                    .attr("from", room.toString())
                    .attr("stamp", DateTimeFormatter.ISO_INSTANT.format(message.receivedAt()))
                    .build());
        }
        return stanza.child(XmlElement.builder("stanza-id", Namespaces.STANZA_ID)
                        .attr("id", Long.toString(message.seq()))
                        .attr("by", room.toString())
                        .build())
                .build();
    }

    /** The room subject (XEP-0045 §7.2.15): the topic, from the room or from the occupant who set it. */
    XmlElement subject(String roomName, String nick, String topic, Jid to) {
        Jid room = roomJid(roomName);
        return XmlElement.builder("message", Namespaces.CLIENT)
                .attr("from", nick == null ? room.toString() : room.withResource(nick).toString())
                .attr("to", to.toString())
                .attr("type", "groupchat")
                .attr("id", "pchat-subject")
                .textChild("subject", Namespaces.CLIENT, topic == null ? "" : topic)
                .build();
    }

    static XmlElement status(String code) {
        return XmlElement.builder("status", Namespaces.MUC_USER).attr("code", code).build();
    }
}
