package org.pchat.xccos.model;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The notice ids this server sends (xccos.md §4.8), each owning its wire id. */
public enum NoticeId {
    /** Another user entered a room. */
    JOIN("ntc:join"),
    /** Another user entered several rooms. */
    BJOIN("ntc:bjoin"),
    /** Users left a room. */
    PART("ntc:part");

    private static final Map<String, NoticeId> BY_WIRE_ID = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(NoticeId::wireId, Function.identity()));

    private final String wireId;

    NoticeId(String wireId) {
        this.wireId = wireId;
    }

    /** The {@code ntc/@id}, e.g. {@code ntc:join}. */
    public String wireId() {
        return wireId;
    }

    /** The known notice with this wire id, if any. */
    public static Optional<NoticeId> fromWire(String wireId) {
        return Optional.ofNullable(BY_WIRE_ID.get(wireId));
    }
}
