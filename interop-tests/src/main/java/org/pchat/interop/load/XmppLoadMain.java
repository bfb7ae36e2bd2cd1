package org.pchat.interop.load;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The XMPP load driver's command line (run by bench/xmpp/run.sh, see docs/benchmarks.md):
 * {@code java -cp … org.pchat.interop.load.XmppLoadMain --server 127.0.0.1:5222 --domain example.com …}.
 * Prints the figures as a table and writes them as JSON with {@code --json FILE}; exits 0 when the run had no
 * failed operation, 1 when it had some, 2 on a usage error. The password comes from {@code PCHAT_LOAD_PASSWORD}
 * (or {@code --password}).
 */
public final class XmppLoadMain {
    private static final String USAGE = String.join("\n",
            "usage: XmppLoadMain --server HOST:PORT --domain DOMAIN [options]",
            "  --muc-domain DOMAIN   the MUC service (default conference.DOMAIN)",
            "  --users N             users to sign in (default 100)",
            "  --user-prefix TEXT    user names: prefix + number (default load)",
            "  --room-size N         occupants per room (default 100)",
            "  --rooms-per-user N    rooms each user is in (default 1; 0: none)",
            "  --room-prefix TEXT    room names: prefix + number (default xload-)",
            "  --rates R1,R2,...     post rates (posts/s) to step through (default none)",
            "  --step SECONDS        measured time of each step (default 20)",
            "  --warmup SECONDS      unmeasured time before each step (default 5)",
            "  --p99-limit MS        delivery p99 a step must stay within (default 50)",
            "  --all-steps           go on after a step over the limit",
            "  --mam-room JID        read MAM pages of 30 from this room",
            "  --mam-rate N/S        MAM page queries/s (default 0)",
            "  --register            register users in band (XEP-0077) first",
            "  --sasl MECH           scram, plain or auto (default auto)",
            "  --ramp-rate N/S       sign-ins started per second (default 500)",
            "  --in-flight N         sign-ins and join batches under way at once (default 200)",
            "  --threads N           driver event-loop threads (default: cores)",
            "  --op-timeout SECONDS  a request without answer this long fails (default 30)",
            "  --drain SECONDS       wait for deliveries after each step (default 5)",
            "  --server-pid PID      measure this process (CPU, RSS, heap after GC for a JVM)",
            "  --json FILE           write the figures as JSON",
            "  --exact               check every post reached every joined member exactly once",
            "  --label TEXT          a name for the run");
    private static final Set<String> FLAGS = Set.of("all-steps", "register", "exact");
    private static final Set<String> KEYS = Set.of("server", "domain", "muc-domain", "users", "user-prefix",
            "room-size", "rooms-per-user", "room-prefix", "rates", "step", "warmup", "p99-limit", "mam-room",
            "mam-rate", "sasl", "ramp-rate", "in-flight", "threads", "op-timeout", "drain", "server-pid", "json",
            "label", "password");

    private XmppLoadMain() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = System.out;
        XmppLoadOptions options;
        try {
            options = parse(args, System.getenv("PCHAT_LOAD_PASSWORD"));
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        System.exit(run(options).finish(out, options.jsonOut()));
    }

    /** Runs one XMPP workload. */
    public static LoadReport run(XmppLoadOptions options) throws InterruptedException {
        try (XmppLoadDriver driver = new XmppLoadDriver(options)) {
            return driver.run();
        }
    }

    static XmppLoadOptions parse(String[] args, String passwordFromEnv) {
        Map<String, String> a = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String key = arg.startsWith("--") ? arg.substring(2) : "";
            if (FLAGS.contains(key)) {
                a.put(key, "true");
            } else if (KEYS.contains(key) && i + 1 < args.length) {
                a.put(key, args[++i]);
            } else {
                throw new IllegalArgumentException("unexpected argument '" + arg + "'");
            }
        }
        String server = a.get("server");
        if (server == null || server.lastIndexOf(':') < 0) {
            throw new IllegalArgumentException("--server HOST:PORT is required");
        }
        String domain = a.get("domain");
        if (domain == null) {
            throw new IllegalArgumentException("--domain is required");
        }
        String password = a.getOrDefault("password", passwordFromEnv);
        if (password == null || password.isEmpty()) {
            throw new IllegalArgumentException("no password: set PCHAT_LOAD_PASSWORD or give --password");
        }
        int colon = server.lastIndexOf(':');
        List<Double> rates = a.containsKey("rates") && !a.get("rates").isBlank() ? Arrays.stream(a.get("rates").split(","))
                .map(String::strip).map(Double::parseDouble).toList() : List.of();
        return new XmppLoadOptions(server.substring(0, colon), Integer.parseInt(server.substring(colon + 1)), domain,
                a.getOrDefault("muc-domain", "conference." + domain), a.getOrDefault("user-prefix", "load"), password,
                Integer.parseInt(a.getOrDefault("users", "100")), Integer.parseInt(a.getOrDefault("room-size", "100")),
                Integer.parseInt(a.getOrDefault("rooms-per-user", "1")), a.getOrDefault("room-prefix", "xload-"),
                rates, seconds(a.getOrDefault("step", "20")), seconds(a.getOrDefault("warmup", "5")),
                Double.parseDouble(a.getOrDefault("p99-limit", "50")), a.containsKey("all-steps"),
                Optional.ofNullable(a.get("mam-room")), Double.parseDouble(a.getOrDefault("mam-rate", "0")),
                a.containsKey("register"), a.getOrDefault("sasl", "auto"),
                Integer.parseInt(a.getOrDefault("ramp-rate", "500")), Integer.parseInt(a.getOrDefault("in-flight", "200")),
                Integer.parseInt(a.getOrDefault("threads", Integer.toString(Runtime.getRuntime().availableProcessors()))),
                seconds(a.getOrDefault("op-timeout", "30")), seconds(a.getOrDefault("drain", "5")),
                Optional.ofNullable(a.get("server-pid")).map(Long::parseLong), Optional.ofNullable(a.get("json"))
                        .map(Path::of), a.containsKey("exact"), a.getOrDefault("label", "xmpp"));
    }

    private static Duration seconds(String value) {
        return Duration.ofMillis((long) (Double.parseDouble(value) * 1000));
    }
}
