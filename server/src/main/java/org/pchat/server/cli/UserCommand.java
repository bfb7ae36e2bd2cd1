package org.pchat.server.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import org.pchat.server.config.PchatConfig;
import org.pchat.server.domain.User;
import org.pchat.server.domain.UserUris;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code pchat user add|list|passwd}: user accounts (the directory Lync took from Active Directory). */
@Command(name = "user", description = "Add, list and change the password of users.",
        subcommands = {UserCommand.Add.class, UserCommand.ListUsers.class, UserCommand.Passwd.class},
        mixinStandardHelpOptions = true)
final class UserCommand {

    private UserCommand() {
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Add a user. The password is read from stdin (--password-stdin) or asked twice.")
    static final class Add extends AdminCommand {
        @Parameters(paramLabel = "URI", description = "SIP URI, e.g. sip:alice@example.com")
        private String uri;

        @Option(names = "--display-name", paramLabel = "NAME", description = "Name shown to others "
                + "(default: the user part of the URI).")
        private String displayName;

        @Option(names = "--admin", description = "Make the user a pool administrator.")
        private boolean admin;

        @Option(names = "--password-stdin", description = "Read the password from the first line of stdin.")
        private boolean passwordStdin;

        @Override
        protected void execute(CliContext context, PchatConfig config, PrintWriter out) {
            String normalized = UserUris.normalize(uri);
            String name = displayName != null ? displayName
                    : normalized.substring("sip:".length(), normalized.indexOf('@'));
            char[] password = context.passwordInput().read(normalized, passwordStdin);
            try (AdminSession session = AdminSession.open(config)) {
                session.directory().addUser(normalized, name, password, admin, config.node().sipDomain());
            } finally {
                Arrays.fill(password, '\0');
            }
            out.println("added user " + normalized + (admin ? " (administrator)" : ""));
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List users.")
    static final class ListUsers extends AdminCommand {
        @Override
        protected void execute(CliContext context, PchatConfig config, PrintWriter out) {
            TextTable table = new TextTable("uri", "display name", "admin");
            try (AdminSession session = AdminSession.open(config)) {
                for (User user : session.directory().listUsers()) {
                    table.row(user.uri(), user.displayName(), user.admin() ? "yes" : "no");
                }
            }
            table.print(out);
        }
    }

    @Command(name = "passwd", mixinStandardHelpOptions = true,
            description = "Set a user's password, read from stdin (--password-stdin) or asked twice.")
    static final class Passwd extends AdminCommand {
        @Parameters(paramLabel = "URI", description = "SIP URI of an existing user.")
        private String uri;

        @Option(names = "--password-stdin", description = "Read the password from the first line of stdin.")
        private boolean passwordStdin;

        @Override
        protected void execute(CliContext context, PchatConfig config, PrintWriter out) {
            String normalized = UserUris.normalize(uri);
            char[] password = context.passwordInput().read(normalized, passwordStdin);
            try (AdminSession session = AdminSession.open(config)) {
                session.directory().setPassword(normalized, password, config.node().sipDomain());
            } finally {
                Arrays.fill(password, '\0');
            }
            out.println("changed the password of " + normalized);
        }
    }
}
