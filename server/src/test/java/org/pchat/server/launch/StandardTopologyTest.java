package org.pchat.server.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class StandardTopologyTest {

    private final List<String> events = new ArrayList<>();
    private final AtomicLong nanos = new AtomicLong();

    /** A component that records its lifecycle and fails where told to. */
    private final class Recording implements Component {
        private final String name;
        private final boolean failStart;
        private final boolean failStop;

        Recording(String name, boolean failStart, boolean failStop) {
            this.name = name;
            this.failStart = failStart;
            this.failStop = failStop;
        }

        Recording(String name) {
            this(name, false, false);
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void start() {
            events.add("start " + name);
            nanos.addAndGet(1_000_000);
            if (failStart) {
                throw new IllegalStateException("port 5070 in use");
            }
        }

        @Override
        public Optional<String> endpoint() {
            return Optional.of("TCP 0.0.0.0:" + name.length());
        }

        @Override
        public void stop() {
            events.add("stop " + name);
            if (failStop) {
                throw new IllegalStateException("stuck");
            }
        }
    }

    private StandardTopology topology(Component... components) {
        return new StandardTopology("node1", List.of(components), nanos::get);
    }

    @Test
    void startsInOrderAndStopsInReverseOrder() {
        StandardTopology topology = topology(new Recording("databases"), new Recording("sip"),
                new Recording("proxy"));

        topology.start();
        topology.stop();

        assertThat(events).containsExactly("start databases", "start sip", "start proxy",
                "stop proxy", "stop sip", "stop databases");
    }

    @Test
    void failedStartStopsWhatWasStartedAndNamesTheComponent() {
        StandardTopology topology = topology(new Recording("databases"), new Recording("sip", true, false),
                new Recording("proxy"));

        assertThatThrownBy(topology::start)
                .isInstanceOf(LaunchException.class)
                .hasMessage("node1 - sip failed to start: port 5070 in use");
        assertThat(events).containsExactly("start databases", "start sip", "stop databases");
        assertThat(topology.isStopped()).isTrue();
    }

    @Test
    void componentThatFailsToStopDoesNotKeepTheOthersRunning() {
        StandardTopology topology = topology(new Recording("databases"), new Recording("sip", false, true));
        topology.start();

        topology.stop();

        assertThat(events).containsSubsequence("stop sip", "stop databases");
    }

    @Test
    void stopTwiceStopsOnce() {
        StandardTopology topology = topology(new Recording("databases"));
        topology.start();

        topology.stop();
        topology.stop();

        assertThat(events).containsExactly("start databases", "stop databases");
    }

    @Test
    void stopBeforeStartStopsNothing() {
        StandardTopology topology = topology(new Recording("databases"));

        topology.stop();

        assertThat(events).isEmpty();
    }

    @Test
    void startingTwiceIsRefused() {
        StandardTopology topology = topology(new Recording("databases"));
        topology.start();

        assertThatThrownBy(topology::start).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void endpointsNameTheStartedComponents() {
        StandardTopology topology = topology(new Recording("sip"), new Recording("proxy"));

        topology.start();

        assertThat(topology.endpoints()).containsExactly("sip TCP 0.0.0.0:3", "proxy TCP 0.0.0.0:5");
    }
}
