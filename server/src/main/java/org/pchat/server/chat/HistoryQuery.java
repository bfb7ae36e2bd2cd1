package org.pchat.server.chat;

/** Which part of a room's history to read; counts are capped at the history page limit. */
public sealed interface HistoryQuery permits HistoryQuery.Last, HistoryQuery.Before, HistoryQuery.After {

    /** How many messages are asked for. */
    int count();

    /** The newest {@code count} messages. */
    record Last(int count) implements HistoryQuery {
        public Last {
            requireCount(count);
        }
    }

    /** Up to {@code count} messages with a sequence number below {@code seq}. */
    record Before(long seq, int count) implements HistoryQuery {
        public Before {
            requireCount(count);
        }
    }

    /** Up to {@code count} messages with a sequence number above {@code seq}. */
    record After(long seq, int count) implements HistoryQuery {
        public After {
            requireCount(count);
        }
    }

    private static void requireCount(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("history count " + count + " is negative");
        }
    }
}
