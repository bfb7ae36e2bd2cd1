package org.pchat.interop.support;

import java.util.Objects;
import java.util.Optional;

/**
 * The final answer to a request a test client sent.
 *
 * @param method the request method
 * @param status the final status code; 408 when the transaction timed out without one
 * @param reason the reason phrase
 * @param message the whole response as text (empty on timeout), for failure messages
 */
public record SipOutcome(String method, int status, String reason, String message) {

    public SipOutcome {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(message, "message");
    }

    /** A 2xx answer. */
    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    /** The first value of a header of the response (name compared ignoring case; compact forms not mapped). */
    public Optional<String> header(String name) {
        return message.lines().takeWhile(line -> !line.isEmpty()).skip(1)
                .filter(line -> line.regionMatches(true, 0, name + ":", 0, name.length() + 1))
                .map(line -> line.substring(name.length() + 1).trim()).findFirst();
    }

    /** {@code INFO -> 415 Unsupported Media Type}. */
    public String describe() {
        return method + " -> " + status + " " + reason;
    }
}
