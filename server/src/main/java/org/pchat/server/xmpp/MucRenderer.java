package org.pchat.server.xmpp;

import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.Set;
import org.pchat.server.domain.ChatMessage;
import org.pchat.server.domain.RoomRole;

/**
 * Renders rooms and their events as MUC stanzas (XEP-0045): occupant presence, groupchat messages with a
 * stanza-id (XEP-0359) and, for history, a delay stamp (XEP-0203). Nicknames are derived from user URIs, so
 * every protocol shows a user under one name: the local part for users of this domain, {@code user@domain}
 * otherwise.
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

    /** The nickname of a user. */
    String nick(String userUri) {
        String user = userUri.substring("sip:".length());
        String domainSuffix = "@" + config.domain();
        return user.endsWith(domainSuffix) ? user.substring(0, user.length() - domainSuffix.length()) : user;
    }

    /** The bare JID of a user. */
    String bareJid(String userUri) {
        return userUri.substring("sip:".length());
    }

    /**
     * Presence of an occupant (XEP-0045 §7.2.3), or of one that left when {@code available} is false.
     *
     * @param self whether it goes to the occupant itself (status 110)
     */
    XmlElement occupant(String roomName, String userUri, Set<RoomRole> roles, Jid to, boolean available,
                        boolean self) {
        XmlElement.Builder x = XmlElement.builder("x", Namespaces.MUC_USER)
                .child(XmlElement.builder("item", Namespaces.MUC_USER)
                        .attr("affiliation", affiliation(roles))
                        .attr("role", available ? role(roles) : "none")
                        .attr("jid", bareJid(userUri))
                        .build());
        if (self) {
            x.child(status("100")).child(status("110"));
        }
        return XmlElement.builder("presence", Namespaces.CLIENT)
                .attr("from", roomJid(roomName).withResource(nick(userUri)).toString())
                .attr("to", to.toString())
                .attr("type", available ? null : "unavailable")
                .child(x.build())
                .build();
    }

    /** A groupchat message, live or (with {@code delayed}) from history. */
    XmlElement message(String roomName, ChatMessage message, Jid to, boolean delayed) {
        return message(roomName, message, to, delayed, "pchat-" + message.id());
    }

    /**
     * A groupchat message with a given stanza id: the author's echo carries the id the author's client sent
     * (XEP-0045 §7.2.3), so the client can match it.
     */
    XmlElement message(String roomName, ChatMessage message, Jid to, boolean delayed, String id) {
        Jid room = roomJid(roomName);
        XmlElement.Builder stanza = XmlElement.builder("message", Namespaces.CLIENT)
                .attr("from", room.withResource(nick(message.authorUri())).toString())
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

    /** The room subject (XEP-0045 §7.2.15): the topic. */
    XmlElement subject(String roomName, String topic, Jid to) {
        return XmlElement.builder("message", Namespaces.CLIENT)
                .attr("from", roomJid(roomName).toString())
                .attr("to", to.toString())
                .attr("type", "groupchat")
                .attr("id", "pchat-subject")
                .textChild("subject", Namespaces.CLIENT, topic == null ? "" : topic)
                .build();
    }

    private static XmlElement status(String code) {
        return XmlElement.builder("status", Namespaces.MUC_USER).attr("code", code).build();
    }

    private static String affiliation(Set<RoomRole> roles) {
        if (roles.contains(RoomRole.MANAGER)) {
            return "admin";
        }
        return roles.isEmpty() ? "none" : "member";
    }

    private static String role(Set<RoomRole> roles) {
        return roles.contains(RoomRole.MANAGER) ? "moderator" : "participant";
    }
}
