package org.pchat.interop.load;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Every setting of one load run, validated. Rates are per second over the whole run; a negative rate means
 * "the model's rate for this user count".
 *
 * @param workload      model, hot or history
 * @param modelFile     the file {@code pchat seed-model} wrote
 * @param host          the proxy's address
 * @param port          the proxy's SIP TCP port
 * @param password      the load users' shared password
 * @param users         users to sign in (the first N of the model)
 * @param duration      measured time, after every user signed in
 * @param warmup        the workload runs this long before the measured time, unmeasured (JIT, caches)
 * @param postRate      posts/s
 * @param joinRate      part+join+bccontext cycles/s
 * @param historyRate   bccontext last 30 reads/s
 * @param rampRate      sign-ins started per second
 * @param maxLoginsInFlight sign-ins under way at once
 * @param threads       event-loop threads of the driver
 * @param opTimeout     a command without reply for this long is a failure
 * @param drain         wait for deliveries after the last post
 * @param serverPids    the server's processes to measure (CPU, RSS, heap): the chat node first, then any proxies
 *                      running on their own
 * @param jsonOut       where to write the figures as JSON, if anywhere
 * @param exact         keep every post's recipient set (exactly-once check per member)
 * @param label         a name for this run in the report
 * @param shard         the users (and share of the rates) this process plays when several play one run
 * @param barrier       with several processes on one run: a directory where each says it measured, so that
 *                      none ends its sessions while another still measures
 */
record LoadOptions(String workload, Path modelFile, String host, int port, String password, int users,
        Duration duration, Duration warmup, double postRate, double joinRate, double historyRate, int rampRate,
        int maxLoginsInFlight, int threads, Duration opTimeout, Duration drain, List<Long> serverPids,
        Optional<Path> jsonOut, boolean exact, String label, Shard shard,
        Optional<Path> barrier) {

    LoadOptions {
        serverPids = List.copyOf(serverPids);
        if (!workload.equals("model") && !workload.equals("hot") && !workload.equals("history")) {
            throw new IllegalArgumentException("--workload " + workload + " is not one of model, hot, history");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("--proxy port " + port + " is not a port (1-65535)");
        }
        if (users < 1) {
            throw new IllegalArgumentException("--users " + users + " must be at least 1");
        }
        if (rampRate < 1 || maxLoginsInFlight < 1 || threads < 1) {
            throw new IllegalArgumentException("--ramp-rate " + rampRate + ", --logins-in-flight "
                    + maxLoginsInFlight + " and --threads " + threads + " must be at least 1");
        }
        if (shard.usersOf(users) < 1) {
            throw new IllegalArgumentException("--shard " + shard.index() + "/" + shard.count() + " plays none of --users "
                    + users);
        }
        if (warmup.isNegative()) {
            throw new IllegalArgumentException("--warmup " + warmup + " must not be negative");
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("--duration " + duration + " must be positive");
        }
    }
}
