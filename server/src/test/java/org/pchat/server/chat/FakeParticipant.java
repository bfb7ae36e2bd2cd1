package org.pchat.server.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A participant that records what it is given; it can be made to refuse events after some number. */
final class FakeParticipant implements Participant {

    private final String id = UUID.randomUUID().toString();
    private final String userUri;
    private final int capacity;
    private final AtomicInteger accepted = new AtomicInteger();
    private final List<RoomEvent> events = new CopyOnWriteArrayList<>();
    private final List<String> disconnects = new CopyOnWriteArrayList<>();
    private final List<String> log;

    /** A participant taking any number of events. */
    FakeParticipant(String userUri) {
        this(userUri, Integer.MAX_VALUE, new CopyOnWriteArrayList<>());
    }

    /** A participant that refuses every event after {@code capacity}, recording into a shared {@code log}. */
    FakeParticipant(String userUri, int capacity, List<String> log) {
        this.userUri = userUri;
        this.capacity = capacity;
        this.log = log;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String userUri() {
        return userUri;
    }

    @Override
    public boolean deliver(RoomEvent event) {
        if (accepted.incrementAndGet() > capacity) {
            return false;
        }
        events.add(event);
        log.add(userUri + " got " + event.getClass().getSimpleName());
        return true;
    }

    @Override
    public void disconnect(String reason) {
        disconnects.add(reason);
    }

    List<RoomEvent> events() {
        return List.copyOf(events);
    }

    <T extends RoomEvent> List<T> events(Class<T> type) {
        List<T> found = new ArrayList<>();
        for (RoomEvent event : events) {
            if (type.isInstance(event)) {
                found.add(type.cast(event));
            }
        }
        return found;
    }

    List<String> disconnects() {
        return List.copyOf(disconnects);
    }
}
