package org.pchat.server.store;

import java.util.List;
import org.pchat.server.domain.ChatMessage;

/**
 * One page of search results.
 *
 * @param messages oldest→newest
 * @param complete true when no further match exists in the paging direction
 */
public record MessagePage(List<ChatMessage> messages, boolean complete) {
    public MessagePage {
        messages = List.copyOf(messages);
    }
}
