package org.pchat.interop.support;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One sipp invocation: a scenario over TCP ({@code -t t1}) on loopback, one call ({@code -m 1}), keys for
 * {@code [name]} substitution ({@code -key name value}), a global timeout that counts as failure.
 *
 * @param scenario the scenario XML file
 * @param remote the peer for a client scenario; empty for a server scenario that waits to be called
 * @param localPort the local port sipp binds
 * @param keys {@code -key} values, in order
 * @param timeout the global timeout ({@code -timeout … -timeout_error})
 * @param extraArguments further sipp arguments, appended as given
 */
public record SippRun(Path scenario, Optional<HostPort> remote, int localPort, Map<String, String> keys,
        Duration timeout, List<String> extraArguments) {

    public SippRun {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(remote, "remote");
        keys = Map.copyOf(new LinkedHashMap<>(keys));
        Objects.requireNonNull(timeout, "timeout");
        extraArguments = List.copyOf(extraArguments);
    }

    /** A client scenario against {@code remote}, from a free local port, 60 s timeout. */
    public static SippRun client(Path scenario, HostPort remote) {
        return new SippRun(scenario, Optional.of(remote), FreePorts.one(), Map.of(), Duration.ofSeconds(60), List.of());
    }

    /** A server scenario listening on {@code localPort}, 60 s timeout. */
    public static SippRun server(Path scenario, int localPort) {
        return new SippRun(scenario, Optional.empty(), localPort, Map.of(), Duration.ofSeconds(60), List.of());
    }

    /** This run with one more {@code -key name value}. */
    public SippRun withKey(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(keys);
        more.put(name, value);
        return new SippRun(scenario, remote, localPort, more, timeout, extraArguments);
    }

    /** This run with another global timeout. */
    public SippRun withTimeout(Duration newTimeout) {
        return new SippRun(scenario, remote, localPort, keys, newTimeout, extraArguments);
    }

    /** This run with more sipp arguments. */
    public SippRun withArguments(String... arguments) {
        List<String> more = new ArrayList<>(extraArguments);
        more.addAll(List.of(arguments));
        return new SippRun(scenario, remote, localPort, keys, timeout, more);
    }

    /** The sipp command line, traces written into {@code logDir}. */
    List<String> command(Path sipp, Path logDir) {
        List<String> command = new ArrayList<>(List.of(sipp.toString(), "-sf", scenario.toString(), "-t", "t1",
                "-i", "127.0.0.1", "-p", Integer.toString(localPort), "-m", "1", "-nostdin",
                "-timeout", timeout.toSeconds() + "s", "-timeout_error",
                "-trace_msg", "-message_file", logDir.resolve("messages.log").toString(),
                "-trace_err", "-error_file", logDir.resolve("errors.log").toString(),
                "-trace_screen", "-screen_file", logDir.resolve("screen.log").toString(),
                "-trace_logs", "-log_file", logDir.resolve("actions.log").toString()));
        keys.forEach((name, value) -> command.addAll(List.of("-key", name, value)));
        command.addAll(extraArguments);
        remote.ifPresent(peer -> command.add(peer.toString()));
        return command;
    }
}
