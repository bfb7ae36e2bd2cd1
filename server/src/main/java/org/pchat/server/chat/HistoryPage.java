package org.pchat.server.chat;

import java.util.List;
import java.util.Objects;
import org.pchat.server.domain.ChatMessage;
import org.pchat.server.domain.RoomDetails;

/**
 * Messages read from a room's history, oldest→newest.
 *
 * @param room     the room
 * @param messages the messages; empty when the room's category keeps no history
 * @param logged   whether the room's category keeps history (Lync EnableChatHistory)
 */
public record HistoryPage(RoomDetails room, List<ChatMessage> messages, boolean logged) {

    public HistoryPage {
        Objects.requireNonNull(room, "room");
        messages = List.copyOf(messages);
    }
}
