package org.pchat.xccos.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Reply and notice factories (xccos.md §3.3, §3.4, §4.8). */
class ReplyAndNoticeTest {

    private static final ChanUri ROOM = ChanUri.of("contoso.com", "094f5a4a-c492-4f6b-91c2-385eba134fd3");

    @Test
    @DisplayName("§3.3: a success reply correlates with the command's seqid and envelope id")
    void successCorrelates() {
        Command command = new Command("3", JoinData.of(ROOM));

        Reply reply = Reply.success(command, Long.parseUnsignedLong("9223372036854775808"), UserInfo.of(0, "sip:a@b"));

        assertThat(reply.id()).isEqualTo("rpl:join");
        assertThat(reply.seqId()).isEqualTo("3");
        assertThat(reply.command()).isEqualTo(new CommandRef("3", Long.MIN_VALUE));
        assertThat(reply.command().envIdString()).isEqualTo("9223372036854775808");
        assertThat(reply.response().isSuccess()).isTrue();
        assertThat(reply.data()).containsExactly(UserInfo.of(0, "sip:a@b"));
    }

    @Test
    @DisplayName("§4.11: a file token reply is rpl:getftok")
    void fileTokenReplyId() {
        Command command = Command.of(new FileTokenData(FileTransfer.DOWNLOAD, ROOM, "a.txt"));

        assertThat(Reply.success(command, 1, new FileToken("t", "https://x")).id()).isEqualTo("rpl:getftok");
    }

    @Test
    @DisplayName("§3.3: an error reply to an unknown command carries code, text and rpl:X")
    void errorToUnknownCommand() {
        Command command = new Command("1", new UnknownCommandData("cmd:frobnicate"));

        Reply reply = Reply.error(command, 5, ResponseCode.NOT_IMPLEMENTED);

        assertThat(reply.id()).isEqualTo("rpl:frobnicate");
        assertThat(reply.response()).isEqualTo(new Response(501, "NOT_IMPLEMENTED"));
        assertThat(reply.data()).isEmpty();
    }

    @Test
    @DisplayName("§3.3: any code and text can be sent")
    void arbitraryCodeAndText() {
        Reply reply = Reply.error(Command.of(new RequestUriData()), 1, 418, "TEAPOT");

        assertThat(reply.response().knownCode()).isEmpty();
        assertThat(reply.response().text()).isEqualTo("TEAPOT");
    }

    @Test
    @DisplayName("§3.3: every response code has its UPPER_SNAKE text")
    void responseCodeTexts() {
        assertThat(ResponseCode.values()).extracting(c -> c.code() + " " + c.text()).containsExactly(
                "200 SUCCESS_OK", "400 BAD_REQUEST", "403 ACCESS_DENIED", "404 NOT_FOUND", "409 CONFLICT",
                "413 TOO_LARGE", "415 UNSUPPORTED_MEDIA_TYPE", "500 INTERNAL_ERROR", "501 NOT_IMPLEMENTED",
                "503 SERVICE_UNAVAILABLE");
    }

    @Test
    @DisplayName("§3.3: a code outside 100..999 is refused")
    void refusesOutOfRangeCode() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Response(42, "X"));

        assertThat(e.getMessage()).isEqualTo("resp code 42 is outside 100..999");
    }

    @Test
    @DisplayName("§4.8: ntc:join names the user and, in its aib, the room and mask")
    void joinNotice() {
        Notice notice = Notice.join("sip:bob@contoso.com", ROOM, PermissionSet.MEMBER);

        assertThat(notice.knownId()).contains(NoticeId.JOIN);
        UserInfo user = (UserInfo) notice.data().get(0);
        assertThat(user.uri()).isEqualTo("sip:bob@contoso.com");
        assertThat(user.access()).containsExactly(
                new AccessInfo(PermissionSet.MEMBER, ROOM.path(), Optional.of("contoso.com")));
        assertThat(user.access().get(0).channel()).contains(ROOM);
    }

    @Test
    @DisplayName("§4.8: ntc:part lists the users under the room's chanib")
    void partNotice() {
        Notice notice = Notice.part(ROOM, "sip:bob@contoso.com", "sip:carol@contoso.com");

        assertThat(notice.id()).isEqualTo("ntc:part");
        ChannelInfo channel = (ChannelInfo) notice.data().get(0);
        assertThat(channel.uri()).isEqualTo(ROOM);
        assertThat(channel.users()).extracting(UserInfo::uri)
                .containsExactly("sip:bob@contoso.com", "sip:carol@contoso.com");
    }

    @Test
    @DisplayName("§4.5: aib user ids are written and read as a comma-separated list")
    void accessUserIds() {
        AccessInfo access = AccessInfo.forUsers(PermissionSet.MEMBER, List.of(0, 1, 2));

        assertThat(access.value()).isEqualTo("0,1,2");
        assertThat(access.userIds()).containsExactly(0, 1, 2);
        assertThat(new AccessInfo(PermissionSet.MEMBER, "", Optional.empty()).userIds()).isEmpty();
    }

    @Test
    @DisplayName("§4.5: a cmd:join without rooms cannot be built")
    void joinNeedsARoom() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new JoinData(List.of()));

        assertThat(e.getMessage()).isEqualTo("cmd:join needs at least one chanid, got 0");
    }
}
