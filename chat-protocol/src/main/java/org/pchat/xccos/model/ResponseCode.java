package org.pchat.xccos.model;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The {@code resp} codes this server sends (xccos.md §3.3). Only {@code 200 SUCCESS_OK} is confirmed on the wire;
 * the error codes follow the HTTP-like, UPPER_SNAKE convention that section recommends. {@link Response} also
 * carries codes outside this list.
 */
public enum ResponseCode {
    SUCCESS_OK(200),
    BAD_REQUEST(400),
    ACCESS_DENIED(403),
    NOT_FOUND(404),
    CONFLICT(409),
    TOO_LARGE(413),
    UNSUPPORTED_MEDIA_TYPE(415),
    INTERNAL_ERROR(500),
    NOT_IMPLEMENTED(501),
    SERVICE_UNAVAILABLE(503);

    private static final Map<Integer, ResponseCode> BY_CODE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(ResponseCode::code, Function.identity()));

    private final int code;

    ResponseCode(int code) {
        this.code = code;
    }

    /** The numeric {@code resp/@code}. */
    public int code() {
        return code;
    }

    /** The {@code resp} text, e.g. {@code SUCCESS_OK}. */
    public String text() {
        return name();
    }

    /** The response element value for this code. */
    public Response response() {
        return new Response(code, name());
    }

    /** The known code with this number, if any. */
    public static Optional<ResponseCode> fromCode(int code) {
        return Optional.ofNullable(BY_CODE.get(code));
    }
}
