package org.pchat.server.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.pchat.server.chat.RoomEvent;
import org.pchat.server.chat.RoomRef;
import org.pchat.server.config.PoolRole;
import org.pchat.server.domain.ChatMessage;
import org.pchat.server.domain.RoomRole;

class PoolCodecTest {

    private final PoolCodec codec = new PoolCodec();
    private final RoomRef room = new RoomRef(UUID.randomUUID(), "Lobby ☕");

    @Test
    void postedEventRoundTripsWithEveryField() {
        ChatMessage message = new ChatMessage(room.id(), 42, 4242, "sip:alice@example.com",
                Instant.parse("2026-11-24T10:15:30.123456789Z"), "hello ünïcode", true, "{\\rtf1 hi}");
        PoolMessage in = new PoolMessage.Event(new RoomEvent.Posted(room, message));

        assertThat(codec.decode(codec.encode(in))).isEqualTo(in);
    }

    @Test
    void postedEventWithoutRichTextRoundTrips() {
        ChatMessage message = new ChatMessage(room.id(), 1, 7, "sip:bob@example.com", Instant.EPOCH, "", false, null);
        PoolMessage in = new PoolMessage.Event(new RoomEvent.Posted(room, message));

        assertThat(codec.decode(codec.encode(in))).isEqualTo(in);
    }

    @Test
    void joinAndPartRoundTrip() {
        PoolMessage joined = new PoolMessage.Event(new RoomEvent.Joined(room, "sip:carol@example.com",
                Set.of(RoomRole.MANAGER, RoomRole.MEMBER), true));
        PoolMessage parted = new PoolMessage.Event(new RoomEvent.Parted(room, "sip:carol@example.com"));

        assertThat(codec.decode(codec.encode(joined))).isEqualTo(joined);
        assertThat(codec.decode(codec.encode(parted))).isEqualTo(parted);
    }

    @Test
    void statusCommandAndAnswerRoundTrip() {
        PoolMessage status = new PoolMessage.Status(new NodeStatus("node-2", MemberKind.NODE, "10.0.0.2", 5070,
                8080, PoolRole.STANDBY, PoolRole.ACTIVE, true, 1234));
        PoolMessage command = new PoolMessage.Command("r-1", "node-2", PoolMessage.Action.DRAIN);
        PoolMessage answer = new PoolMessage.Answer("r-1", "node-2", false, "no such thing");

        assertThat(codec.decode(codec.encode(status))).isEqualTo(status);
        assertThat(codec.decode(codec.encode(command))).isEqualTo(command);
        assertThat(codec.decode(codec.encode(answer))).isEqualTo(answer);
    }

    @Test
    void everyTruncationOfAFrameIsRefused() {
        byte[] frame = codec.encode(new PoolMessage.Event(new RoomEvent.Posted(room, new ChatMessage(room.id(), 3,
                9, "sip:alice@example.com", Instant.now(), "text", false, null))));
        for (int length = 0; length < frame.length; length++) {
            byte[] cut = Arrays.copyOf(frame, length);
            assertThatThrownBy(() -> codec.decode(cut)).as("frame cut to %d of %d bytes", cut.length, frame.length)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void anotherVersionIsRefusedByName() {
        byte[] frame = codec.encode(new PoolMessage.Answer("r", "n", true, "ok"));
        frame[0] = 9;

        assertThatThrownBy(() -> codec.decode(frame)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("version 9").hasMessageContaining("expected " + PoolCodec.VERSION);
    }

    @Test
    void unknownTypeAndTrailingBytesAreRefused() {
        byte[] unknown = {PoolCodec.VERSION, 99};
        byte[] frame = codec.encode(new PoolMessage.Answer("r", "n", true, "ok"));
        byte[] trailing = Arrays.copyOf(frame, frame.length + 2);

        assertThatThrownBy(() -> codec.decode(unknown)).hasMessageContaining("unknown pool frame type 99");
        assertThatThrownBy(() -> codec.decode(trailing)).hasMessageContaining("2 trailing bytes");
    }

    @Test
    void anOversizedStringLengthIsRefusedBeforeAllocating() {
        byte[] frame = {PoolCodec.VERSION, 6, 0x7f, 0, 0, 0};

        assertThatThrownBy(() -> codec.decode(frame)).hasMessageContaining("limit " + PoolCodec.MAX_STRING_BYTES);
    }
}
