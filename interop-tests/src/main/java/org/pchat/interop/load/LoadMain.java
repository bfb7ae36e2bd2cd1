package org.pchat.interop.load;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The load driver's command line (run by bench/load/run.sh, see docs/benchmarks.md):
 * {@code java -cp … org.pchat.interop.load.LoadMain --workload model --model FILE --proxy 127.0.0.1:5060 …}.
 * Prints the figures as a table and writes them as JSON with {@code --json FILE}; exits 0 when the run had no
 * failed operation, 1 when it had some, 2 on a usage error. The password comes from
 * {@code PCHAT_LOAD_PASSWORD} (or {@code --password}).
 */
public final class LoadMain {
    private static final String USAGE = String.join("\n",
            "usage: LoadMain --workload model|hot|history --model FILE --proxy HOST:PORT [options]",
            "  --users N            users to sign in (default: all of the model)",
            "  --duration SECONDS   measured time after sign-in (default 60)",
            "  --warmup SECONDS     run the workload this long first, unmeasured (default 0)",
            "  --rate POSTS/S       post rate (default: model 24 per 80,000 users; hot: required)",
            "  --join-rate N/S      part+join+bccontext cycles (default: model 10 per 80,000 users)",
            "  --history-rate N/S   bccontext last 30 reads (default: history workload 50, else 0)",
            "  --ramp-rate N/S      sign-ins started per second (default 500)",
            "  --logins-in-flight N sign-ins under way at once (default 200)",
            "  --threads N          driver event-loop threads (default: cores)",
            "  --op-timeout SECONDS a command without reply this long fails (default 30)",
            "  --drain SECONDS      wait for deliveries after the last post (default 10)",
            "  --server-pid PID[,PID...] measure these processes: the chat node, then proxies of their own",
            "                       (CPU and RSS summed; heap after GC of the node, and of the proxies summed)",
            "  --json FILE          write the figures as JSON",
            "  --exact              check every post reached every joined member exactly once",
            "  --label TEXT         a name for the run",
            "  --shard K/N          play users K, K+N, K+2N, ... and 1/N of the rates (N processes share one run;",
            "                       each counts its own posts' deliveries to its own users)",
            "  --barrier DIR        with --shard: wait in DIR for every shard to finish measuring before signing out");

    private LoadMain() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = System.out;
        LoadOptions options;
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

    /** Reads the model and runs one workload. */
    public static LoadReport run(LoadOptions options) throws IOException, InterruptedException {
        LoadModel model = LoadModel.read(options.modelFile());
        try (LoadDriver driver = new LoadDriver(options, model)) {
            return driver.run();
        }
    }

    static LoadOptions parse(String[] args, String passwordFromEnv) {
        Map<String, String> a = new HashMap<>();
        boolean exact = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--exact")) {
                exact = true;
            } else if (arg.equals("--help")) {
                throw new IllegalArgumentException("help requested");
            } else if (arg.startsWith("--") && i + 1 < args.length) {
                a.put(arg.substring(2), args[++i]);
            } else {
                throw new IllegalArgumentException("unexpected argument '" + arg + "'");
            }
        }
        String proxy = required(a, "proxy");
        int colon = proxy.lastIndexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("--proxy " + proxy + " must be HOST:PORT");
        }
        Path modelFile = Path.of(required(a, "model"));
        String password = a.getOrDefault("password", passwordFromEnv);
        if (password == null || password.isEmpty()) {
            throw new IllegalArgumentException("no password: set PCHAT_LOAD_PASSWORD or give --password");
        }
        String workload = a.getOrDefault("workload", "model");
        if (workload.equals("hot") && !a.containsKey("rate")) {
            throw new IllegalArgumentException("--workload hot needs --rate POSTS/S");
        }
        int users = a.containsKey("users") ? Integer.parseInt(a.get("users")) : usersInModel(modelFile);
        LoadOptions options = new LoadOptions(workload, modelFile, proxy.substring(0, colon),
                Integer.parseInt(proxy.substring(colon + 1)), password, users,
                Duration.ofMillis((long) (Double.parseDouble(a.getOrDefault("duration", "60")) * 1000)),
                Duration.ofMillis((long) (Double.parseDouble(a.getOrDefault("warmup", "0")) * 1000)),
                Double.parseDouble(a.getOrDefault("rate", "-1")), Double.parseDouble(a.getOrDefault("join-rate", "-1")),
                Double.parseDouble(a.getOrDefault("history-rate", "-1")),
                Integer.parseInt(a.getOrDefault("ramp-rate", "500")),
                Integer.parseInt(a.getOrDefault("logins-in-flight", "200")),
                Integer.parseInt(a.getOrDefault("threads", Integer.toString(Runtime.getRuntime().availableProcessors()))),
                Duration.ofSeconds(Long.parseLong(a.getOrDefault("op-timeout", "30"))),
                Duration.ofSeconds(Long.parseLong(a.getOrDefault("drain", "10"))),
                a.containsKey("server-pid") ? Arrays.stream(a.get("server-pid").split(",")).map(String::trim)
                        .map(Long::parseLong).toList() : List.of(),
                Optional.ofNullable(a.get("json")).map(Path::of), exact, a.getOrDefault("label", workload),
                a.containsKey("shard") ? Shard.parse(a.get("shard")) : Shard.WHOLE,
                Optional.ofNullable(a.get("barrier")).map(Path::of));
        a.keySet().removeAll(java.util.Set.of("proxy", "model", "password", "workload", "users", "duration", "warmup", "rate",
                "join-rate", "history-rate", "ramp-rate", "logins-in-flight", "threads", "op-timeout", "drain",
                "server-pid", "json", "label", "shard", "barrier"));
        if (!a.isEmpty()) {
            throw new IllegalArgumentException("unknown options " + a.keySet());
        }
        return options;
    }

    private static String required(Map<String, String> a, String key) {
        String value = a.get(key);
        if (value == null) {
            throw new IllegalArgumentException("--" + key + " is required");
        }
        return value;
    }

    private static int usersInModel(Path modelFile) {
        try (var lines = Files.lines(modelFile, StandardCharsets.UTF_8)) {
            return lines.filter(l -> l.startsWith("users\t")).findFirst()
                    .map(l -> Integer.parseInt(l.split("\t")[1]))
                    .orElseThrow(() -> new IllegalArgumentException(modelFile + " has no users line"));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the model file " + modelFile + ": " + e.getMessage());
        }
    }
}
