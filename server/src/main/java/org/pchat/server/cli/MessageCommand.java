package org.pchat.server.cli;

import java.io.PrintWriter;
import java.util.Optional;
import org.pchat.server.config.PchatConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code pchat message remove}, after Remove-CsPersistentChatMessage. */
@Command(name = "message", mixinStandardHelpOptions = true, description = "Remove or replace stored messages.",
        subcommands = MessageCommand.Remove.class)
final class MessageCommand {

    private MessageCommand() {
    }

    @Command(name = "remove", mixinStandardHelpOptions = true,
            description = "Remove a message, or replace its text (--replace) so the history shows the replacement.")
    static final class Remove extends AdminCommand {
        @Parameters(paramLabel = "ID", description = "The message id.")
        private long id;

        @Option(names = "--replace", paramLabel = "TEXT", description = "Replacement text, e.g. "
                + "\"This message was removed by an administrator.\"")
        private String replacement;

        @Override
        protected void execute(CliContext context, PchatConfig config, PrintWriter out) {
            try (AdminSession session = AdminSession.open(config)) {
                session.directory().removeMessage(id, Optional.ofNullable(replacement));
            }
            out.println((replacement == null ? "removed message " : "replaced the text of message ") + id);
        }
    }
}
