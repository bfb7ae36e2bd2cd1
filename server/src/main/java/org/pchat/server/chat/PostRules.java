package org.pchat.server.chat;

import org.pchat.server.domain.RoomDetails;

/**
 * Size rules of a post (xccos.md §5.1, §5.3): a message holds at most {@code messageSizeLimit} characters, a
 * story ({@value ChatServiceConfig#STORY_PREFIX}…) at most {@code storySizeLimit}.
 */
final class PostRules {

    private PostRules() {
    }

    /**
     * @throws ChatException TOO_LARGE naming the size seen, the limit and the room
     */
    static void check(ChatServiceConfig config, String text, String userUri, RoomDetails room) {
        boolean story = text.startsWith(ChatServiceConfig.STORY_PREFIX);
        int limit = story ? config.storySizeLimit() : config.messageSizeLimit();
        int length = text.codePointCount(0, text.length());
        if (length > limit) {
            throw new ChatException(ChatErrorCode.TOO_LARGE, (story ? "story" : "message") + " of " + length
                    + " characters exceeds " + (story ? "storySizeLimit " : "messageSizeLimit ") + limit
                    + " in room " + RoomAccess.name(room) + " (from " + userUri + ")");
        }
    }
}
