package org.pchat.server.xmpp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pchat.server.domain.Privacy;
import org.pchat.server.domain.RoomType;

/**
 * The room configuration form (XEP-0045 §10.2, XEP-0004) and how its answers map onto the room model: public
 * + not members-only → open, public + members-only → closed, not public → secret; moderated → auditorium; the
 * description is the room's. Natural name, password, occupant limit, whois and subject rights are kept by the
 * XMPP endpoint.
 */
final class MucConfigForm {

    static final String PREFIX = "muc#roomconfig_";

    private MucConfigForm() {
    }

    /** The form with the room's current values. Callers hold the room's monitor. */
    static XmlElement render(MucRoom room) {
        Privacy privacy = room.details().room().privacy();
        XmlElement.Builder form = XmlElement.builder("x", Namespaces.DATA).attr("type", "form")
                .textChild("title", Namespaces.DATA, "Configuration of " + room.name());
        form.child(field("FORM_TYPE", "hidden", null, List.of("http://jabber.org/protocol/muc#roomconfig")));
        form.child(field(PREFIX + "roomname", "text-single", "Room name", List.of(room.title())));
        form.child(field(PREFIX + "roomdesc", "text-single", "Description",
                List.of(room.details().room().description())));
        form.child(field(PREFIX + "changesubject", "boolean", "Occupants may change the subject",
                List.of(bool(room.occupantsChangeSubject()))));
        form.child(field(PREFIX + "publicroom", "boolean", "Listed in the room directory",
                List.of(bool(privacy != Privacy.SECRET))));
        form.child(field(PREFIX + "persistentroom", "boolean", "Persistent", List.of("1")));
        form.child(field(PREFIX + "moderatedroom", "boolean", "Moderated (auditorium)",
                List.of(bool(room.moderated()))));
        form.child(field(PREFIX + "membersonly", "boolean", "Members only", List.of(bool(privacy != Privacy.OPEN))));
        form.child(field(PREFIX + "enablelogging", "boolean", "Messages are archived", List.of("1")));
        form.child(field(PREFIX + "allowpm", "boolean", "Occupants may send private messages",
                List.of(bool(room.allowPrivateMessages()))));
        form.child(field(PREFIX + "passwordprotectedroom", "boolean", "Password required",
                List.of(bool(!room.password().isEmpty()))));
        form.child(field(PREFIX + "roomsecret", "text-private", "Password", List.of(room.password())));
        form.child(options(field(PREFIX + "whois", "list-single", "Who may see real JIDs",
                List.of(room.whoisAnyone() ? "anyone" : "moderators")), List.of("moderators", "anyone")));
        form.child(options(field(PREFIX + "maxusers", "list-single", "Most occupants",
                List.of(room.maxUsers() == 0 ? "none" : Integer.toString(room.maxUsers()))),
                List.of("1", "2", "5", "10", "20", "50", "100", "none")));
        return form.build();
    }

    /** The answers of a submitted form, by field name. */
    static Map<String, List<String>> answers(XmlElement form) {
        Map<String, List<String>> answers = new HashMap<>();
        for (XmlElement field : form.elements()) {
            if (field.name().equals("field") && field.attribute("var").isPresent()) {
                List<String> values = new ArrayList<>();
                field.elements().stream().filter(v -> v.name().equals("value")).forEach(v -> values.add(v.text()));
                answers.put(field.attribute("var").get(), values);
            }
        }
        return answers;
    }

    static Optional<Boolean> flag(Map<String, List<String>> answers, String name) {
        return first(answers, name).map(v -> v.equals("1") || v.equalsIgnoreCase("true"));
    }

    static Optional<String> first(Map<String, List<String>> answers, String name) {
        List<String> values = answers.get(PREFIX + name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0).strip());
    }

    /** The privacy the answers ask for, starting from the current one. */
    static Privacy privacy(Map<String, List<String>> answers, Privacy current) {
        boolean listed = flag(answers, "publicroom").orElse(current != Privacy.SECRET);
        boolean membersOnly = flag(answers, "membersonly").orElse(current != Privacy.OPEN);
        if (!listed) {
            return Privacy.SECRET;
        }
        return membersOnly ? Privacy.CLOSED : Privacy.OPEN;
    }

    static RoomType type(Map<String, List<String>> answers, RoomType current) {
        return flag(answers, "moderatedroom").map(m -> m ? RoomType.AUDITORIUM : RoomType.NORMAL).orElse(current);
    }

    private static XmlElement field(String var, String type, String label, List<String> values) {
        XmlElement.Builder field = XmlElement.builder("field", Namespaces.DATA).attr("var", var).attr("type", type)
                .attr("label", label);
        values.forEach(v -> field.textChild("value", Namespaces.DATA, v));
        return field.build();
    }

    private static XmlElement options(XmlElement field, List<String> options) {
        XmlElement.Builder copy = XmlElement.builder(field.name(), field.namespace());
        field.attributes().forEach(copy::attr);
        field.children().forEach(copy::child);
        options.forEach(o -> copy.child(XmlElement.builder("option", Namespaces.DATA)
                .textChild("value", Namespaces.DATA, o).build()));
        return copy.build();
    }

    private static String bool(boolean value) {
        return value ? "1" : "0";
    }
}
