package org.pchat.server.pool;

import java.util.Objects;
import org.pchat.server.chat.RoomEvent;

/** What pool members send each other over the pool channel. */
public sealed interface PoolMessage permits PoolMessage.Status, PoolMessage.Event, PoolMessage.Command,
        PoolMessage.Answer {

    /** A member's state. */
    record Status(NodeStatus status) implements PoolMessage {
        public Status {
            Objects.requireNonNull(status, "status");
        }
    }

    /** A room event that took effect on the sending node (a post: committed). */
    record Event(RoomEvent event) implements PoolMessage {
        public Event {
            Objects.requireNonNull(event, "event");
        }
    }

    /**
     * An administration request for one node.
     *
     * @param requestId matches the answer to the request
     * @param target    the node id it is for
     */
    record Command(String requestId, String target, Action action) implements PoolMessage {
        public Command {
            Objects.requireNonNull(requestId, "requestId");
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(action, "action");
        }
    }

    /** A node's answer to a {@link Command}. */
    record Answer(String requestId, String nodeId, boolean ok, String text) implements PoolMessage {
        public Answer {
            Objects.requireNonNull(requestId, "requestId");
            Objects.requireNonNull(nodeId, "nodeId");
            Objects.requireNonNull(text, "text");
        }
    }

    /** What an administrator can ask a node to do. */
    enum Action {
        /** Become active (a standby), and take sessions again (a drained node). */
        PROMOTE,
        /** Become standby: take no sessions, end the ones held. */
        DEMOTE,
        /** Take no new sessions and end the ones held, so users move to other nodes. */
        DRAIN
    }
}
