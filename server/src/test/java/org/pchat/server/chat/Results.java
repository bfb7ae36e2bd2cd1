package org.pchat.server.chat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** Captures one asynchronous chat result for a test. */
final class Results<T> implements Consumer<ChatResult<T>> {

    private final CompletableFuture<ChatResult<T>> future = new CompletableFuture<>();
    private final Runnable onResult;

    Results() {
        this(() -> { });
    }

    /** Runs {@code onResult} on the result's thread when it arrives (e.g. to look at the database then). */
    Results(Runnable onResult) {
        this.onResult = onResult;
    }

    @Override
    public void accept(ChatResult<T> result) {
        onResult.run();
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

    /** The error code of a failure; fails the test on a success. */
    ChatErrorCode error() {
        ChatResult<T> result = result();
        if (result instanceof ChatResult.Failed<T> failed) {
            return failed.error().code();
        }
        throw new AssertionError("expected a failure, got " + result.value());
    }

    ChatException exception() {
        ChatResult<T> result = result();
        if (result instanceof ChatResult.Failed<T> failed) {
            return failed.error();
        }
        throw new AssertionError("expected a failure, got " + result.value());
    }
}
