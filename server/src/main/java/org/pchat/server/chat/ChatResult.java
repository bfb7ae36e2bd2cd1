package org.pchat.server.chat;

import java.util.Objects;

/**
 * The outcome of an asynchronous chat operation, handed to the caller's callback on the thread that did the
 * work (for room operations: the room's lane, before any fan-out of the same operation).
 *
 * @param <T> the value of a success
 */
public sealed interface ChatResult<T> permits ChatResult.Ok, ChatResult.Failed {

    /** A success. */
    static <T> ChatResult<T> ok(T value) {
        return new Ok<>(value);
    }

    /** A failure. */
    static <T> ChatResult<T> failed(ChatException error) {
        return new Failed<>(error);
    }

    /** True for {@link Ok}. */
    default boolean isOk() {
        return this instanceof Ok;
    }

    /**
     * The value of a success.
     *
     * @throws ChatException the error of a failure
     */
    T value();

    /** The operation succeeded. */
    record Ok<T>(T value) implements ChatResult<T> {
        public Ok {
            Objects.requireNonNull(value, "value");
        }
    }

    /** The operation failed. */
    record Failed<T>(ChatException error) implements ChatResult<T> {
        public Failed {
            Objects.requireNonNull(error, "error");
        }

        @Override
        public T value() {
            throw error;
        }
    }
}
