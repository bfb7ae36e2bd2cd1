package org.pchat.server.chat;

/**
 * How the chat core of one node tells the other nodes of its pool what happened in a room. Called on the room's
 * lane after the event took effect here (a post only after its commit); must not block.
 */
@FunctionalInterface
public interface PoolLink {

    /** A node alone: nothing to tell. */
    PoolLink NONE = event -> { };

    /** Hands a local event to the pool, which sends it to every other node. */
    void published(RoomEvent event);
}
