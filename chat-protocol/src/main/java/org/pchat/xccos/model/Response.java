package org.pchat.xccos.model;

import java.util.Objects;
import java.util.Optional;

/**
 * The {@code <resp code="…">TEXT</resp>} of a reply (xccos.md §3.3). Any code from 100 to 999 and any text are
 * allowed; {@link ResponseCode} names the ones this server uses.
 *
 * @param code the numeric code, 200 meaning success
 * @param text the element text, e.g. {@code SUCCESS_OK}; may be empty
 */
public record Response(int code, String text) {

    /** The element name. */
    public static final String ELEMENT = "resp";

    public Response {
        if (code < 100 || code > 999) {
            throw new IllegalArgumentException("resp code " + code + " is outside 100..999");
        }
        Objects.requireNonNull(text, "text");
    }

    /** The response for a known code. */
    public static Response of(ResponseCode code) {
        return code.response();
    }

    /** {@code 200 SUCCESS_OK}. */
    public static Response success() {
        return ResponseCode.SUCCESS_OK.response();
    }

    /** Whether the code is 200. */
    public boolean isSuccess() {
        return code == ResponseCode.SUCCESS_OK.code();
    }

    /** The known code with this number, if any. */
    public Optional<ResponseCode> knownCode() {
        return ResponseCode.fromCode(code);
    }
}
