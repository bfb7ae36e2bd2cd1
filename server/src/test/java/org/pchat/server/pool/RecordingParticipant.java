package org.pchat.server.pool;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.pchat.server.chat.Participant;
import org.pchat.server.chat.RoomEvent;

/** A chat session that keeps every event it is handed. */
final class RecordingParticipant implements Participant {

    private final String id = UUID.randomUUID().toString();
    private final String userUri;
    private final List<RoomEvent> events = new CopyOnWriteArrayList<>();

    RecordingParticipant(String userUri) {
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
        // kept: the tests look at events only
    }

    /** The sequence numbers of the posts received, in the order received. */
    List<Long> postedSeqs() {
        return events.stream().filter(RoomEvent.Posted.class::isInstance)
                .map(e -> ((RoomEvent.Posted) e).message().seq()).toList();
    }

    /** Parts of this very user. */
    boolean partedItself() {
        return events.stream().anyMatch(e -> e instanceof RoomEvent.Parted p && p.userUri().equals(userUri));
    }

    /** Joins of other users seen. */
    List<String> joinsSeen() {
        return events.stream().filter(RoomEvent.Joined.class::isInstance)
                .map(e -> ((RoomEvent.Joined) e).userUri()).toList();
    }
}
