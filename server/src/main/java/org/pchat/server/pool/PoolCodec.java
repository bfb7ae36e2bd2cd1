package org.pchat.server.pool;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.pchat.server.chat.RoomEvent;
import org.pchat.server.chat.RoomRef;
import org.pchat.server.config.PoolRole;
import org.pchat.server.domain.ChatMessage;
import org.pchat.server.domain.RoomRole;

/**
 * The pool channel's wire format: a version byte, a type byte, then the fields in order (strings as a length and
 * UTF-8 bytes). Stateless; a frame that does not parse is refused with {@link IllegalArgumentException} naming
 * what is wrong.
 */
public final class PoolCodec {

    /** The wire format version; a node refuses frames of another one. */
    public static final int VERSION = 1;
    /** Longest string field accepted, in bytes. */
    static final int MAX_STRING_BYTES = 1 << 20;

    private static final int STATUS = 1;
    private static final int POSTED = 2;
    private static final int JOINED = 3;
    private static final int PARTED = 4;
    private static final int COMMAND = 5;
    private static final int ANSWER = 6;

    public byte[] encode(PoolMessage message) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            if (message instanceof PoolMessage.Status status) {
                writeStatus(out, status.status());
            } else if (message instanceof PoolMessage.Event event) {
                writeEvent(out, event.event());
            } else if (message instanceof PoolMessage.Command command) {
                out.writeByte(COMMAND);
                writeString(out, command.requestId());
                writeString(out, command.target());
                writeString(out, command.action().name());
            } else if (message instanceof PoolMessage.Answer answer) {
                out.writeByte(ANSWER);
                writeString(out, answer.requestId());
                writeString(out, answer.nodeId());
                out.writeBoolean(answer.ok());
                writeString(out, answer.text());
            } else {
                throw new IllegalArgumentException("unknown pool message " + message.getClass());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode " + message.getClass().getSimpleName(), e);
        }
        return bytes.toByteArray();
    }

    /**
     * @throws IllegalArgumentException when the frame is not a pool message of this version
     */
    public PoolMessage decode(byte[] frame) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(frame))) {
            int version = in.readUnsignedByte();
            if (version != VERSION) {
                throw new IllegalArgumentException("pool frame of version " + version + ", expected " + VERSION);
            }
            int type = in.readUnsignedByte();
            PoolMessage message = switch (type) {
                case STATUS -> new PoolMessage.Status(readStatus(in));
                case POSTED -> new PoolMessage.Event(readPosted(in));
                case JOINED -> new PoolMessage.Event(new RoomEvent.Joined(readRoom(in), readString(in), readRoles(in),
                        in.readBoolean()));
                case PARTED -> new PoolMessage.Event(new RoomEvent.Parted(readRoom(in), readString(in)));
                case COMMAND -> new PoolMessage.Command(readString(in), readString(in),
                        readEnum(in, PoolMessage.Action.class));
                case ANSWER -> new PoolMessage.Answer(readString(in), readString(in), in.readBoolean(),
                        readString(in));
                default -> throw new IllegalArgumentException("unknown pool frame type " + type);
            };
            if (in.available() > 0) {
                throw new IllegalArgumentException("pool frame of type " + type + " has " + in.available()
                        + " trailing bytes");
            }
            return message;
        } catch (IOException e) {
            throw new IllegalArgumentException("truncated pool frame of " + frame.length + " bytes", e);
        } catch (NullPointerException e) {
            throw new IllegalArgumentException("pool frame with a missing field: " + e.getMessage(), e);
        }
    }

    private static void writeStatus(DataOutputStream out, NodeStatus status) throws IOException {
        out.writeByte(STATUS);
        writeString(out, status.nodeId());
        writeString(out, status.kind().name());
        writeString(out, status.host());
        out.writeInt(status.sipPort());
        out.writeInt(status.httpPort());
        writeString(out, status.configured().name());
        writeString(out, status.role().name());
        out.writeBoolean(status.draining());
        out.writeInt(status.sessions());
    }

    private static NodeStatus readStatus(DataInputStream in) throws IOException {
        return new NodeStatus(readString(in), readEnum(in, MemberKind.class), readString(in), in.readInt(),
                in.readInt(), readEnum(in, PoolRole.class), readEnum(in, PoolRole.class), in.readBoolean(),
                in.readInt());
    }

    private static void writeEvent(DataOutputStream out, RoomEvent event) throws IOException {
        event.accept(new RoomEvent.Visitor<Void>() {
            @Override
            public Void posted(RoomEvent.Posted posted) {
                writePosted(out, posted);
                return null;
            }

            @Override
            public Void joined(RoomEvent.Joined joined) {
                writeJoined(out, joined);
                return null;
            }

            @Override
            public Void parted(RoomEvent.Parted parted) {
                writeParted(out, parted);
                return null;
            }
        });
    }

    private static void writePosted(DataOutputStream out, RoomEvent.Posted posted) {
        try {
                out.writeByte(POSTED);
                writeRoom(out, posted.room());
                ChatMessage m = posted.message();
                out.writeLong(m.seq());
                out.writeLong(m.id());
                writeString(out, m.authorUri());
                out.writeLong(m.receivedAt().getEpochSecond());
                out.writeInt(m.receivedAt().getNano());
                writeString(out, m.text());
                out.writeBoolean(m.alert());
                out.writeBoolean(m.richText() != null);
                if (m.richText() != null) {
                    writeString(out, m.richText());
                }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeJoined(DataOutputStream out, RoomEvent.Joined joined) {
        try {
                out.writeByte(JOINED);
                writeRoom(out, joined.room());
                writeString(out, joined.userUri());
                out.writeByte(joined.roles().size());
                for (RoomRole role : joined.roles()) {
                    writeString(out, role.name());
                }
                out.writeBoolean(joined.batch());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeParted(DataOutputStream out, RoomEvent.Parted parted) {
        try {
            out.writeByte(PARTED);
            writeRoom(out, parted.room());
            writeString(out, parted.userUri());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static RoomEvent.Posted readPosted(DataInputStream in) throws IOException {
        RoomRef room = readRoom(in);
        return new RoomEvent.Posted(room, readMessage(in, room.id()));
    }

    private static ChatMessage readMessage(DataInputStream in, UUID roomId) throws IOException {
        long seq = in.readLong();
        long id = in.readLong();
        String author = readString(in);
        Instant at = Instant.ofEpochSecond(in.readLong(), in.readInt());
        String text = readString(in);
        boolean alert = in.readBoolean();
        String rich = in.readBoolean() ? readString(in) : null;
        return new ChatMessage(roomId, seq, id, author, at, text, alert, rich);
    }

    private static void writeRoom(DataOutputStream out, RoomRef room) throws IOException {
        out.writeLong(room.id().getMostSignificantBits());
        out.writeLong(room.id().getLeastSignificantBits());
        writeString(out, room.name());
    }

    private static RoomRef readRoom(DataInputStream in) throws IOException {
        UUID id = new UUID(in.readLong(), in.readLong());
        return new RoomRef(id, readString(in));
    }

    private static Set<RoomRole> readRoles(DataInputStream in) throws IOException {
        int count = in.readUnsignedByte();
        Set<RoomRole> roles = EnumSet.noneOf(RoomRole.class);
        for (int i = 0; i < count; i++) {
            roles.add(readEnum(in, RoomRole.class));
        }
        return roles;
    }

    private static <E extends Enum<E>> E readEnum(DataInputStream in, Class<E> type) throws IOException {
        String name = readString(in);
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown " + type.getSimpleName() + " '" + name + "' in pool frame", e);
        }
    }

    private static void writeString(DataOutputStream out, String value) throws IOException {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readString(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > MAX_STRING_BYTES) {
            throw new IllegalArgumentException("string of " + length + " bytes in pool frame (limit "
                    + MAX_STRING_BYTES + ")");
        }
        if (length > in.available()) {
            throw new IOException("string of " + length + " bytes but only " + in.available() + " left");
        }
        return new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }
}
