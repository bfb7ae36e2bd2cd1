package org.pchat.server.chat;

/**
 * One client session as the chat core sees it: a user on some protocol (a SIP dialog, later an XMPP
 * stream). The core joins participants to rooms and hands them {@link RoomEvent}s; the protocol adapter
 * renders and sends them.
 *
 * <p>{@link #deliver} is called on a room lane and must never block: queue the event and return. A participant
 * that cannot take more (its bounded outbound queue is full, or it is closed) returns false; the core then
 * removes it from every room (the others hear it part) and calls {@link #disconnect}.
 */
public interface Participant {

    /** Unique per session on this node, stable for its life (e.g. the SIP dialog id). */
    String id();

    /** The user's normalized SIP URI ({@code sip:alice@example.com}). */
    String userUri();

    /**
     * Queues an event for the client without blocking.
     *
     * @return false when the event cannot be queued (queue full or session closed)
     */
    boolean deliver(RoomEvent event);

    /** The core dropped this session (e.g. too slow); end it. Idempotent; must not block. */
    void disconnect(String reason);
}
