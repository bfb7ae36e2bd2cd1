package org.pchat.server.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.Set;
import org.pchat.server.cli.Converters.InstantConverter;
import org.pchat.server.config.PchatConfig;
import org.pchat.server.domain.Room;
import org.pchat.server.domain.RoomDetails;
import org.pchat.server.rooms.RoomChange;
import org.pchat.server.rooms.RoomFilter;
import org.pchat.server.rooms.RoomSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code pchat room new|set|list|disable|enable|clear}, after New-, Set-, Get- and
 * Clear-CsPersistentChatRoom.
 */
@Command(name = "room", mixinStandardHelpOptions = true,
        description = "Create, change, list, disable, enable and clear rooms.",
        subcommands = {RoomCommand.NewRoom.class, RoomCommand.SetRoom.class, RoomCommand.ListRooms.class,
            RoomCommand.Disable.class, RoomCommand.Enable.class, RoomCommand.Clear.class})
final class RoomCommand {

    private RoomCommand() {
    }

    @Command(name = "new", mixinStandardHelpOptions = true, description = "Create a room in a category.")
    static final class NewRoom extends AdminCommand {
        @Parameters(paramLabel = "NAME", description = "Unique room name.")
        private String name;

        @Mixin
        private RoomOptions options;

        @Override
        protected void execute(CliContext context, PchatConfig config, PrintWriter out) {
            RoomSpec spec = options.toSpec(name);
            try (AdminSession session = AdminSession.open(config)) {
                session.directory().newRoom(spec);
            }
            out.println("created room " + name + " in " + spec.categoryName() + " (" + spec.privacy().text() + ", "
                    + spec.type().text() + ")");
        }
    }

    @Command(name = "set", mixinStandardHelpOptions = true,
            description = "Change a room; only the options given change (role lists are replaced whole).")
    static final class SetRoom extends AdminCommand {
        @Parameters(paramLabel = "NAME", description = "The room to change.")
        private String name;

        @Option(names = "--name", paramLabel = "NEW_NAME", description = "Rename the room.")
        private String newName;

        @Mixin
        private RoomOptions options;

        @Override
        protected void execute(CliContext context, PchatConfig config, PrintWriter out) {
            RoomChange change = options.toChange();
            if (newName != null) {
                change = change.withName(newName);
            }
            if (change.equals(RoomChange.none())) {
                throw new UsageException("room set " + name + ": nothing to change; give at least one option");
            }
            try (AdminSession session = AdminSession.open(config)) {
                session.directory().setRoom(name, change);
            }
            out.println("changed room " + (newName != null ? name + " (now " + newName + ")" : name));
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List rooms, disabled ones included.")
    static final class ListRooms extends AdminCommand {
        @Option(names = "--category", paramLabel = "NAME", description = "Only rooms of this category.")
        private String category;

        @Option(names = "--filter", paramLabel = "TEXT", description = "Only rooms whose name contains TEXT.")
        private String filter;

        @Option(names = "--enabled-only", description = "Leave out disabled rooms.")
        private boolean enabledOnly;

        @Override
        protected void execute(CliContext context, PchatConfig config, PrintWriter out) {
            RoomFilter roomFilter = RoomFilter.all().withDisabled(!enabledOnly);
            if (category != null) {
                roomFilter = roomFilter.inCategory(category);
            }
            if (filter != null) {
                roomFilter = roomFilter.nameContaining(filter);
            }
            TextTable table = new TextTable("name", "category", "privacy", "type", "state", "members", "managers",
                    "presenters", "invitations", "topic");
            try (AdminSession session = AdminSession.open(config)) {
                for (RoomDetails details : session.directory().listRooms(roomFilter)) {
                    Room room = details.room();
                    table.row(room.name(), details.category().name(), room.privacy().text(), room.type().text(),
                            room.disabled() ? "disabled" : "enabled", join(details.roles().members()),
                            join(details.roles().managers()), join(details.roles().presenters()),
                            room.invitations().text(), room.topic());
                }
            }
            table.print(out);
        }

        private static String join(Set<String> uris) {
            return String.join(",", uris);
        }
    }

    @Command(name = "disable", mixinStandardHelpOptions = true,
            description = "Disable a room: content is kept, members can no longer join.")
    static final class Disable extends AdminCommand {
        @Parameters(paramLabel = "NAME", description = "The room to disable.")
        private String name;

        @Override
        protected void execute(CliContext context, PchatConfig config, PrintWriter out) {
            try (AdminSession session = AdminSession.open(config)) {
                session.directory().setDisabled(name, true);
            }
            out.println("disabled room " + name);
        }
    }

    @Command(name = "enable", mixinStandardHelpOptions = true, description = "Enable a disabled room.")
    static final class Enable extends AdminCommand {
        @Parameters(paramLabel = "NAME", description = "The room to enable.")
        private String name;

        @Override
        protected void execute(CliContext context, PchatConfig config, PrintWriter out) {
            try (AdminSession session = AdminSession.open(config)) {
                session.directory().setDisabled(name, false);
            }
            out.println("enabled room " + name);
        }
    }

    @Command(name = "clear", mixinStandardHelpOptions = true,
            description = "Delete a room's messages posted before a date.")
    static final class Clear extends AdminCommand {
        @Parameters(paramLabel = "NAME", description = "The room to clear.")
        private String name;

        @Option(names = "--before", paramLabel = "DATE", required = true, converter = InstantConverter.class,
                description = "2024-05-01 (midnight UTC) or 2024-05-01T12:00:00Z.")
        private Instant before;

        @Override
        protected void execute(CliContext context, PchatConfig config, PrintWriter out) {
            long removed;
            try (AdminSession session = AdminSession.open(config)) {
                removed = session.directory().clearHistory(name, before);
            }
            out.println("removed " + removed + " messages posted before " + before + " from room " + name);
        }
    }
}
