package org.pchat.xccos.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A channel (room) info block {@code <chanib uri="…" [name] [topic] [description]>…</chanib>}. Its content
 * depends on where it appears:
 * <ul>
 *   <li>join reply (xccos.md §4.5): name, topic and {@code aib} children mapping user ids to masks;</li>
 *   <li>search reply (§4.10): name, description, {@code info} and {@code prop} children;</li>
 *   <li>part notice (§4.8): {@code uib} children, the users who left;</li>
 *   <li>history reply (§4.9): {@code msg} children, oldest first;</li>
 *   <li>part reply and commands: the uri alone ({@link #ref(ChanUri)}).</li>
 * </ul>
 * Children are written in the order aib, info, prop, uib, msg.
 *
 * @param uri         the room
 * @param name        the room title
 * @param topic       the room topic
 * @param description the room description
 * @param access      the {@code aib} children
 * @param info        the {@code info} children
 * @param properties  the {@code prop} children
 * @param users       the {@code uib} children
 * @param messages    the {@code msg} children
 */
public record ChannelInfo(ChanUri uri, Optional<String> name, Optional<String> topic, Optional<String> description,
                          List<AccessInfo> access, List<ChannelDetail> info, List<ChannelDetail> properties,
                          List<UserInfo> users, List<ChatMessage> messages) implements DataBlock {

    /** The element name. */
    public static final String ELEMENT = "chanib";

    public ChannelInfo {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(description, "description");
        access = List.copyOf(access);
        info = List.copyOf(info);
        properties = List.copyOf(properties);
        users = List.copyOf(users);
        messages = List.copyOf(messages);
    }

    /** A bare {@code <chanib uri="…"/>}. */
    public static ChannelInfo ref(ChanUri uri) {
        return builder(uri).build();
    }

    /** A history block: the room and its messages, oldest first. */
    public static ChannelInfo history(ChanUri uri, List<ChatMessage> messages) {
        return builder(uri).messages(messages).build();
    }

    /** A part-notice block: the room and the users who left it. */
    public static ChannelInfo parted(ChanUri uri, List<String> userUris) {
        return builder(uri).users(userUris.stream().map(UserInfo::of).toList()).build();
    }

    /** A builder for the room {@code uri}. */
    public static Builder builder(ChanUri uri) {
        return new Builder(uri);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.channelInfo(this);
    }

    /** Builds a {@link ChannelInfo}; every part except the uri is optional. Not thread-safe. */
    public static final class Builder {
        private final ChanUri uri;
        private String name;
        private String topic;
        private String description;
        private final List<AccessInfo> access = new ArrayList<>();
        private final List<ChannelDetail> info = new ArrayList<>();
        private final List<ChannelDetail> properties = new ArrayList<>();
        private final List<UserInfo> users = new ArrayList<>();
        private final List<ChatMessage> messages = new ArrayList<>();

        private Builder(ChanUri uri) {
            this.uri = Objects.requireNonNull(uri, "uri");
        }

        public Builder name(String value) {
            this.name = Objects.requireNonNull(value, "name");
            return this;
        }

        public Builder topic(String value) {
            this.topic = Objects.requireNonNull(value, "topic");
            return this;
        }

        public Builder description(String value) {
            this.description = Objects.requireNonNull(value, "description");
            return this;
        }

        /** Adds one {@code aib}. */
        public Builder access(AccessInfo value) {
            access.add(Objects.requireNonNull(value, "access"));
            return this;
        }

        /** Adds {@code aib}s. */
        public Builder access(List<AccessInfo> values) {
            values.forEach(this::access);
            return this;
        }

        /** Adds one {@code info}. */
        public Builder info(ChannelDetail value) {
            info.add(Objects.requireNonNull(value, "info"));
            return this;
        }

        /** Adds one {@code prop}. */
        public Builder property(ChannelDetail value) {
            properties.add(Objects.requireNonNull(value, "property"));
            return this;
        }

        /** Adds {@code uib}s. */
        public Builder users(List<UserInfo> values) {
            values.forEach(v -> users.add(Objects.requireNonNull(v, "user")));
            return this;
        }

        /** Adds {@code msg}s, oldest first. */
        public Builder messages(List<ChatMessage> values) {
            values.forEach(v -> messages.add(Objects.requireNonNull(v, "message")));
            return this;
        }

        public ChannelInfo build() {
            return new ChannelInfo(uri, Optional.ofNullable(name), Optional.ofNullable(topic),
                    Optional.ofNullable(description), access, info, properties, users, messages);
        }
    }
}
