package org.pchat.server.compliance;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.pchat.server.chat.ChatException;
import org.pchat.server.chat.ChatResult;

/** Captures one asynchronous chat result. */
final class ChatResults<T> implements Consumer<ChatResult<T>> {

    private final CompletableFuture<ChatResult<T>> future = new CompletableFuture<>();

    @Override
    public void accept(ChatResult<T> result) {
        future.complete(result);
    }

    ChatResult<T> result() {
        try {
            return future.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("no chat result within 10 s", e);
        }
    }

    /** The value of a success; fails the test on an error. */
    T value() {
        ChatResult<T> result = result();
        if (result instanceof ChatResult.Failed<T> failed) {
            throw new AssertionError("expected success, got " + failed.error().code() + ": "
                    + failed.error().getMessage(), failed.error());
        }
        return result.value();
    }

    /** The error of a failure; fails the test on a success. */
    ChatException error() {
        ChatResult<T> result = result();
        if (result instanceof ChatResult.Failed<T> failed) {
            return failed.error();
        }
        throw new AssertionError("expected a failure, got " + result.value());
    }
}
