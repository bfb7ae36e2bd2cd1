package org.pchat.server.compliance;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.pchat.server.chat.Participant;
import org.pchat.server.chat.RoomEvent;

/** A session that takes every event and records it. */
final class TestParticipant implements Participant {

    private final String id = UUID.randomUUID().toString();
    private final String userUri;
    private final List<RoomEvent> events = new CopyOnWriteArrayList<>();

    TestParticipant(String userUri) {
        this.userUri = userUri;
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
        events.add(event);
        return true;
    }

    @Override
    public void disconnect(String reason) {
        // nothing to end: the test holds no connection
    }

    List<RoomEvent> events() {
        return List.copyOf(events);
    }
}
