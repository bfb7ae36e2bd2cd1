package org.pchat.xccos.model;

import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * A user info block {@code <uib [id="0"] uri="sip:…">[aib…]</uib>} (xccos.md §4.1, §4.5, §4.8). In join replies
 * the {@code uib}s are direct children of {@code data} and {@code id} is referenced by {@code aib/@value}; in
 * join notices the {@code uib} holds {@code aib}s naming rooms.
 *
 * @param id     the per-reply numeric id
 * @param uri    the SIP URI with its {@code sip:} prefix (or a channel server URI in {@code rpl:requri})
 * @param access the {@code aib} children
 */
public record UserInfo(OptionalInt id, String uri, List<AccessInfo> access) implements DataBlock {

    /** The element name. */
    public static final String ELEMENT = "uib";

    public UserInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(uri, "uri");
        if (uri.isBlank()) {
            throw new IllegalArgumentException("uib uri is blank");
        }
        access = List.copyOf(access);
    }

    /** A bare {@code <uib uri="…"/>}, e.g. the channel URI of {@code rpl:requri}. */
    public static UserInfo of(String uri) {
        return new UserInfo(OptionalInt.empty(), uri, List.of());
    }

    /** A {@code <uib id="…" uri="…"/>} of a join reply. */
    public static UserInfo of(int id, String uri) {
        return new UserInfo(OptionalInt.of(id), uri, List.of());
    }

    /** The join-notice form: {@code uri} entered {@code channel} with {@code permissions}. */
    public static UserInfo joined(String uri, ChanUri channel, PermissionSet permissions) {
        return new UserInfo(OptionalInt.empty(), uri, List.of(AccessInfo.forChannel(permissions, channel)));
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.userInfo(this);
    }
}
