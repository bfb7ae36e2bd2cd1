package org.pchat.server.xmpp;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.pchat.server.chat.ChatResult;
import org.pchat.server.chat.ChatService;
import org.pchat.server.chat.JoinOutcome;
import org.pchat.server.chat.Participant;
import org.pchat.server.chat.RoomEvent;
import org.pchat.server.domain.ChatMessage;

/** A participant speaking to the chat core directly, as the SIP adapter does: the other protocol in a room. */
final class CoreParticipant implements Participant {

    private final String userUri;
    private final List<RoomEvent> events = new CopyOnWriteArrayList<>();

    CoreParticipant(String userUri) {
        this.userUri = userUri;
    }

    @Override
    public String id() {
        return "core-" + userUri;
    }

    @Override
    public String userUri() {
        return userUri;
    }

    @Override
    public boolean deliver(RoomEvent event) {
        return events.add(event);
    }

    @Override
    public void disconnect(String reason) {
        events.clear();
    }

    List<RoomEvent> events() {
        return events;
    }

    static JoinOutcome join(ChatService chat, CoreParticipant who, UUID room) throws Exception {
        CompletableFuture<ChatResult<JoinOutcome>> result = new CompletableFuture<>();
        chat.join(who, room, false, result::complete);
        return result.get(10, TimeUnit.SECONDS).value();
    }

    static ChatMessage post(ChatService chat, CoreParticipant who, UUID room, String text) throws Exception {
        CompletableFuture<ChatResult<ChatMessage>> result = new CompletableFuture<>();
        chat.post(who, room, text, false, Instant.now(), result::complete);
        return result.get(10, TimeUnit.SECONDS).value();
    }
}
