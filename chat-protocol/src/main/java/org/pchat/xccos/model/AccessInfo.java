package org.pchat.xccos.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * An access info block {@code <aib key="…" value="…" [domain="…"]/>} (xccos.md §4.5, §4.8). Two uses:
 * <ul>
 *   <li>in a join reply's {@code chanib}: {@code value} lists the {@code uib/@id}s holding the mask
 *       ({@link #forUsers}, {@link #userIds()});</li>
 *   <li>in a join notice's {@code uib}: {@code domain} + {@code value} name the room the user entered
 *       ({@link #forChannel}, {@link #channel()}).</li>
 * </ul>
 *
 * @param key    the permission mask
 * @param value  comma-separated user ids, or a room path
 * @param domain the room domain in the notice form
 */
public record AccessInfo(PermissionSet key, String value, Optional<String> domain) {

    /** The element name. */
    public static final String ELEMENT = "aib";

    public AccessInfo {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(domain, "domain");
    }

    /** The join-reply form: the users with these ids hold {@code key}. */
    public static AccessInfo forUsers(PermissionSet key, Collection<Integer> userIds) {
        return new AccessInfo(key, userIds.stream().map(String::valueOf).collect(Collectors.joining(",")),
                Optional.empty());
    }

    /** The join-notice form: the user entered {@code channel} with {@code key}. */
    public static AccessInfo forChannel(PermissionSet key, ChanUri channel) {
        return new AccessInfo(key, channel.path(), Optional.of(channel.domain()));
    }

    /**
     * The user ids of the join-reply form.
     *
     * @throws IllegalArgumentException naming the value when it is not a comma-separated list of numbers
     */
    public List<Integer> userIds() {
        List<Integer> ids = new ArrayList<>();
        if (value.isBlank()) {
            return List.of();
        }
        for (String part : value.split(",", -1)) {
            try {
                ids.add(Integer.parseInt(part.strip()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("aib value '" + value + "' is not a comma-separated id list", e);
            }
        }
        return List.copyOf(ids);
    }

    /** The room of the join-notice form, when {@code domain} is present. */
    public Optional<ChanUri> channel() {
        return domain.map(d -> new ChanUri(d, value));
    }
}
