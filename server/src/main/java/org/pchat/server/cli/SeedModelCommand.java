package org.pchat.server.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.pchat.server.config.PchatConfig;
import org.pchat.server.domain.Category;
import org.pchat.server.domain.Principal;
import org.pchat.server.domain.UserUris;
import org.pchat.server.domain.credentials.Credentials;
import org.pchat.server.domain.credentials.PasswordHasher;
import org.pchat.server.rooms.CategorySpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code pchat seed-model}: fills an empty database with the load model of the benchmarks (bench/load, see
 * docs/benchmarks.md) in batches. For benchmarks only: every user gets the same password, derived once.
 */
@Command(name = "seed-model", mixinStandardHelpOptions = true,
        description = {"Seed users and rooms of the Lync capacity-planning load model (for benchmarks only: every "
                + "user shares one password).",
            "Writes the model file the load driver reads (rooms, ids, memberships)."})
final class SeedModelCommand extends AdminCommand {

    @Option(names = "--users", required = true, paramLabel = "N", description = "Number of users.")
    private int users;

    @Option(names = "--domain", paramLabel = "DOMAIN", description = "SIP domain of the users (default: sip.domain).")
    private String domain;

    @Option(names = "--prefix", paramLabel = "TEXT", defaultValue = "load",
            description = "User part prefix: sip:<prefix><i>@<domain>; also the category and room name prefix "
                    + "(default: ${DEFAULT-VALUE}).")
    private String prefix;

    @Option(names = "--model-rooms", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Create the model's small/medium/large rooms (default: ${DEFAULT-VALUE}).")
    private boolean modelRooms;

    @Option(names = "--hot-room-users", paramLabel = "N", defaultValue = "0",
            description = "Also create one room <prefix>-hot for users 0..N-1.")
    private int hotRoomUsers;

    @Option(names = "--history-messages", paramLabel = "N", defaultValue = "0",
            description = "Also create one room <prefix>-history holding N messages.")
    private long historyMessages;

    @Option(names = "--model-out", required = true, paramLabel = "FILE", description = "Where to write the model file.")
    private Path modelOut;

    @Option(names = "--password-stdin", description = "Read the shared password from the first line of stdin.")
    private boolean passwordStdin;

    @Override
    protected void execute(CliContext context, PchatConfig config, PrintWriter out) throws IOException {
        String realm = config.node().sipDomain();
        String userDomain = UserUris.normalizeDomain(domain != null ? domain : realm);
        SeedPlan plan = new SeedPlan(users, userDomain, prefix, modelRooms ? SeedPlan.lyncModel() : List.of(),
                hotRoomUsers, historyMessages);
        List<SeedPlan.PlannedRoom> rooms = plan.rooms();
        char[] password = context.passwordInput().read(plan.userUri(0), passwordStdin);
        long started = System.nanoTime();
        try (AdminSession session = AdminSession.open(config)) {
            Credentials template = new PasswordHasher(config.passwords()).derive(plan.userUri(0), realm, password);
            Category category = session.directory().newCategory(CategorySpec.named(prefix)
                    .withDescription("load model (benchmarks)").withAllowed(Set.of(Principal.parse("domain:"
                            + userDomain)))
                    // load users may create rooms here: the XMPP benchmark's rooms are created by their first join
                    .withCreators(Set.of(Principal.parse("domain:" + userDomain))));
            SeedWriter writer = new SeedWriter(session.content(), Clock.systemUTC());
            writer.users(plan, template, password, realm);
            writer.rooms(plan, rooms, category.id());
            rooms.stream().filter(r -> r.roomClass().equals("history")).findFirst()
                    .ifPresent(r -> writer.history(r.id(), plan.userUri(0), historyMessages));
        } finally {
            Arrays.fill(password, '\0');
        }
        Path parent = modelOut.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (BufferedWriter file = Files.newBufferedWriter(modelOut, StandardCharsets.UTF_8)) {
            plan.writeModel(file, rooms);
        }
        out.println("seeded " + users + " users and " + rooms.size() + " rooms"
                + (historyMessages > 0 ? " (" + historyMessages + " history messages)" : "") + " in "
                + (System.nanoTime() - started) / 1_000_000 + " ms; model file " + modelOut);
    }
}
