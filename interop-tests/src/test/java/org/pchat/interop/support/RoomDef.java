package org.pchat.interop.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A room to create with {@code pchat room new}.
 *
 * @param name unique name
 * @param category the category holding it
 * @param privacy open, closed or secret
 * @param type normal or auditorium
 * @param members member SIP URIs
 * @param managers manager SIP URIs
 * @param presenters presenter SIP URIs
 */
public record RoomDef(String name, String category, Privacy privacy, Type type, List<String> members,
        List<String> managers, List<String> presenters) {

    /** Room privacy (ARCHITECTURE.md §5, xccos.md §7.2). */
    public enum Privacy { OPEN, CLOSED, SECRET }

    /** Room type (xccos.md §7.3). */
    public enum Type { NORMAL, AUDITORIUM }

    public RoomDef {
        members = List.copyOf(members);
        managers = List.copyOf(managers);
        presenters = List.copyOf(presenters);
    }

    /** A normal room with no roles. */
    public static RoomDef of(String name, String category, Privacy privacy) {
        return new RoomDef(name, category, privacy, Type.NORMAL, List.of(), List.of(), List.of());
    }

    /** This room with another type. */
    public RoomDef withType(Type newType) {
        return new RoomDef(name, category, privacy, newType, members, managers, presenters);
    }

    /** This room with these members (replacing the list). */
    public RoomDef withMembers(String... uris) {
        return new RoomDef(name, category, privacy, type, List.of(uris), managers, presenters);
    }

    /** This room with these managers (replacing the list). */
    public RoomDef withManagers(String... uris) {
        return new RoomDef(name, category, privacy, type, members, List.of(uris), presenters);
    }

    /** This room with these presenters (replacing the list). */
    public RoomDef withPresenters(String... uris) {
        return new RoomDef(name, category, privacy, type, members, managers, List.of(uris));
    }

    /** The CLI arguments after {@code room new}. */
    List<String> arguments() {
        List<String> args = new ArrayList<>(List.of("room", "new", name, "--category=" + category,
                "--privacy=" + privacy.name().toLowerCase(Locale.ROOT),
                "--type=" + type.name().toLowerCase(Locale.ROOT)));
        CategoryDef.addList(args, "--members", members);
        CategoryDef.addList(args, "--managers", managers);
        CategoryDef.addList(args, "--presenters", presenters);
        return args;
    }
}
