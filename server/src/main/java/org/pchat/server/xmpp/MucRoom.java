package org.pchat.server.xmpp;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.pchat.server.domain.RoomDetails;
import org.pchat.server.domain.RoomRole;
import org.pchat.server.domain.RoomType;

/**
 * What the XMPP endpoint of this node knows about one room beyond the directory: its XMPP occupants by
 * nickname, the creation lock (XEP-0045 §10.1), and the MUC settings the room model has no place for (natural
 * name, password, occupant limit, whois, subject rights, bans, owner/admin distinction). The directory facts
 * (privacy, type, roles) are a copy refreshed on every join and change. Every access holds this object's monitor.
 */
final class MucRoom {

    private final UUID id;
    private RoomDetails details;
    private boolean locked;
    private String title = "";
    private String password = "";
    private int maxUsers;
    private boolean whoisAnyone = true;
    private boolean occupantsChangeSubject;
    private boolean allowPrivateMessages = true;
    private final Set<String> admins = new HashSet<>();
    private final Set<String> outcasts = new HashSet<>();
    private final Map<String, MucOccupant> occupants = new LinkedHashMap<>();
    /** Users that entered over XMPP: the core's join/part events about them are not rendered again. */
    private final Set<String> xmppUsers = new HashSet<>();
    /** Message id → the nickname it was posted under, until its fan-out rendered it. */
    private final Map<Long, String> postNicks = new LinkedHashMap<>();

    MucRoom(RoomDetails details) {
        this.id = details.room().id();
        this.details = details;
    }

    UUID id() {
        return id;
    }

    RoomDetails details() {
        return details;
    }

    void details(RoomDetails fresh) {
        details = fresh;
    }

    String name() {
        return details.room().name();
    }

    boolean moderated() {
        return details.room().type() == RoomType.AUDITORIUM;
    }

    boolean locked() {
        return locked;
    }

    void locked(boolean value) {
        locked = value;
    }

    String title() {
        return title.isEmpty() ? name() : title;
    }

    void title(String value) {
        title = value;
    }

    String password() {
        return password;
    }

    void password(String value) {
        password = value;
    }

    int maxUsers() {
        return maxUsers;
    }

    void maxUsers(int value) {
        maxUsers = value;
    }

    boolean whoisAnyone() {
        return whoisAnyone;
    }

    void whoisAnyone(boolean value) {
        whoisAnyone = value;
    }

    boolean occupantsChangeSubject() {
        return occupantsChangeSubject;
    }

    void occupantsChangeSubject(boolean value) {
        occupantsChangeSubject = value;
    }

    boolean allowPrivateMessages() {
        return allowPrivateMessages;
    }

    void allowPrivateMessages(boolean value) {
        allowPrivateMessages = value;
    }

    Set<String> admins() {
        return admins;
    }

    Set<String> outcasts() {
        return outcasts;
    }

    Set<String> xmppUsers() {
        return xmppUsers;
    }

    Map<Long, String> postNicks() {
        return postNicks;
    }

    /** The affiliation of a user: bans first, then the directory roles (managers are owners unless made admins). */
    MucAffiliation affiliation(String userUri) {
        if (outcasts.contains(userUri)) {
            return MucAffiliation.OUTCAST;
        }
        if (details.roles().has(RoomRole.MANAGER, userUri)) {
            return admins.contains(userUri) ? MucAffiliation.ADMIN : MucAffiliation.OWNER;
        }
        if (details.roles().has(RoomRole.MEMBER, userUri) || details.roles().has(RoomRole.PRESENTER, userUri)) {
            return MucAffiliation.MEMBER;
        }
        return MucAffiliation.NONE;
    }

    /**
     * The role a user gets on entering (XEP-0045 §5.1.2): owners and admins moderate; in an auditorium
     * (moderated room) only presenters have voice, everyone else is a visitor.
     */
    MucRole defaultRole(String userUri) {
        MucAffiliation affiliation = affiliation(userUri);
        if (affiliation.atLeast(MucAffiliation.ADMIN)) {
            return MucRole.MODERATOR;
        }
        if (moderated()) {
            return details.roles().has(RoomRole.PRESENTER, userUri) ? MucRole.PARTICIPANT : MucRole.VISITOR;
        }
        return MucRole.PARTICIPANT;
    }

    Optional<MucOccupant> occupant(String nick) {
        return Optional.ofNullable(occupants.get(nick));
    }

    Optional<MucOccupant> occupantOf(XmppSession session) {
        return occupants.values().stream().filter(o -> o.session() == session).findFirst();
    }

    List<MucOccupant> occupantsOf(String userUri) {
        return occupants.values().stream().filter(o -> o.userUri().equals(userUri)).toList();
    }

    List<MucOccupant> occupants() {
        return new ArrayList<>(occupants.values());
    }

    void add(MucOccupant occupant) {
        occupants.put(occupant.nick(), occupant);
        xmppUsers.add(occupant.userUri());
    }

    void remove(MucOccupant occupant) {
        occupants.remove(occupant.nick(), occupant);
    }

    void rename(MucOccupant occupant, String newNick) {
        occupants.remove(occupant.nick(), occupant);
        occupant.nick(newNick);
        occupants.put(newNick, occupant);
    }

    int size() {
        return occupants.size();
    }
}
