package org.pchat.server.cli;

import java.io.PrintWriter;
import java.util.Set;
import java.util.stream.Collectors;
import org.pchat.server.cli.Converters.PrincipalList;
import org.pchat.server.cli.Converters.PrincipalListConverter;
import org.pchat.server.config.PchatConfig;
import org.pchat.server.domain.Category;
import org.pchat.server.domain.Principal;
import org.pchat.server.rooms.CategoryChange;
import org.pchat.server.rooms.CategorySpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code pchat category new|set|list|remove}, after New-, Set-, Get- and
 * Remove-CsPersistentChatCategory.
 */
@Command(name = "category", mixinStandardHelpOptions = true,
        description = "Create, change, list and remove categories (the scope of their rooms).",
        subcommands = {CategoryCommand.NewCategory.class, CategoryCommand.SetCategory.class,
            CategoryCommand.ListCategories.class, CategoryCommand.RemoveCategory.class})
final class CategoryCommand {

    private CategoryCommand() {
    }

    /** The options shared by {@code new} and {@code set}; {@code null} means "not given". */
    static final class CategoryOptions {
        @Option(names = "--description", paramLabel = "TEXT", description = "Free text.")
        String description;

        @Option(names = "--allowed", paramLabel = "PRINCIPALS", converter = PrincipalListConverter.class,
                description = "Who is in scope: sip:user@domain, domain:example.com or everyone; comma-separated.")
        PrincipalList allowed;

        @Option(names = "--denied", paramLabel = "PRINCIPALS", converter = PrincipalListConverter.class,
                description = "Who is excluded from scope (beats --allowed); comma-separated.")
        PrincipalList denied;

        @Option(names = "--creators", paramLabel = "PRINCIPALS", converter = PrincipalListConverter.class,
                description = "Who may create rooms in the category; comma-separated.")
        PrincipalList creators;

        @Option(names = "--invitations", paramLabel = "true|false", arity = "1",
                description = "Send invitations when users are added to rooms.")
        Boolean invitations;

        @Option(names = "--file-upload", paramLabel = "true|false", arity = "1",
                description = "Allow files to be posted to its rooms.")
        Boolean fileUpload;

        @Option(names = "--chat-history", paramLabel = "true|false", arity = "1",
                description = "Keep and serve chat history in its rooms.")
        Boolean chatHistory;
    }

    @Command(name = "new", mixinStandardHelpOptions = true, description = "Create a category.")
    static final class NewCategory extends AdminCommand {
        @Parameters(paramLabel = "NAME", description = "Unique category name.")
        private String name;

        @Mixin
        private CategoryOptions options;

        @Override
        protected void execute(CliContext context, PchatConfig config, PrintWriter out) {
            CategorySpec spec = CategorySpec.named(name);
            if (options.description != null) {
                spec = spec.withDescription(options.description);
            }
            if (options.allowed != null) {
                spec = spec.withAllowed(options.allowed.values());
            }
            if (options.denied != null) {
                spec = spec.withDenied(options.denied.values());
            }
            if (options.creators != null) {
                spec = spec.withCreators(options.creators.values());
            }
            if (options.invitations != null) {
                spec = spec.withInvitations(options.invitations);
            }
            if (options.fileUpload != null) {
                spec = spec.withFileUpload(options.fileUpload);
            }
            if (options.chatHistory != null) {
                spec = spec.withChatHistory(options.chatHistory);
            }
            try (AdminSession session = AdminSession.open(config)) {
                session.directory().newCategory(spec);
            }
            out.println("created category " + name);
        }
    }

    @Command(name = "set", mixinStandardHelpOptions = true,
            description = "Change a category; only the options given change (lists are replaced whole).")
    static final class SetCategory extends AdminCommand {
        @Parameters(paramLabel = "NAME", description = "The category to change.")
        private String name;

        @Option(names = "--name", paramLabel = "NEW_NAME", description = "Rename the category.")
        private String newName;

        @Mixin
        private CategoryOptions options;

        @Override
        protected void execute(CliContext context, PchatConfig config, PrintWriter out) {
            CategoryChange change = CategoryChange.none();
            if (newName != null) {
                change = change.withName(newName);
            }
            if (options.description != null) {
                change = change.withDescription(options.description);
            }
            if (options.allowed != null) {
                change = change.withAllowed(options.allowed.values());
            }
            if (options.denied != null) {
                change = change.withDenied(options.denied.values());
            }
            if (options.creators != null) {
                change = change.withCreators(options.creators.values());
            }
            if (options.invitations != null) {
                change = change.withInvitations(options.invitations);
            }
            if (options.fileUpload != null) {
                change = change.withFileUpload(options.fileUpload);
            }
            if (options.chatHistory != null) {
                change = change.withChatHistory(options.chatHistory);
            }
            if (change.equals(CategoryChange.none())) {
                throw new UsageException("category set " + name + ": nothing to change; give at least one option");
            }
            try (AdminSession session = AdminSession.open(config)) {
                session.directory().setCategory(name, change);
            }
            out.println("changed category " + (newName != null ? name + " (now " + newName + ")" : name));
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List categories.")
    static final class ListCategories extends AdminCommand {
        @Override
        protected void execute(CliContext context, PchatConfig config, PrintWriter out) {
            TextTable table = new TextTable("name", "allowed", "denied", "creators", "invitations", "file upload",
                    "chat history", "description");
            try (AdminSession session = AdminSession.open(config)) {
                for (Category c : session.directory().listCategories()) {
                    table.row(c.name(), principals(c.allowed()), principals(c.denied()), principals(c.creators()),
                            c.invitations(), c.fileUpload(), c.chatHistory(), c.description());
                }
            }
            table.print(out);
        }

        private static String principals(Set<Principal> principals) {
            return principals.stream().map(Principal::format).collect(Collectors.joining(","));
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true,
            description = "Remove a category that holds no rooms.")
    static final class RemoveCategory extends AdminCommand {
        @Parameters(paramLabel = "NAME", description = "The category to remove.")
        private String name;

        @Override
        protected void execute(CliContext context, PchatConfig config, PrintWriter out) {
            try (AdminSession session = AdminSession.open(config)) {
                session.directory().removeCategory(name);
            }
            out.println("removed category " + name);
        }
    }
}
