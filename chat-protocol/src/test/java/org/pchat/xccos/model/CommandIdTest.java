package org.pchat.xccos.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Command ids and their reply ids (xccos.md §3.3, §4.0). */
class CommandIdTest {

    @Test
    @DisplayName("§4.0: every listed command id is known")
    void everyListedCommandIsKnown() {
        assertThat(CommandId.values()).extracting(CommandId::wireId).containsExactlyInAnyOrder("cmd:requri",
                "cmd:getserverinfo", "cmd:getinv", "cmd:getpref", "cmd:setpref", "cmd:join", "cmd:bjoin", "cmd:part",
                "cmd:chansrch", "cmd:bccontext", "cmd:nodespermcreatechild", "cmd:getfutok", "cmd:getfdtok");
    }

    @Test
    @DisplayName("§3.3: cmd:X is answered by rpl:X")
    void replyIdFollowsCommandId() {
        assertThat(CommandId.JOIN.replyId()).isEqualTo("rpl:join");
        assertThat(CommandId.NODESPERMCREATECHILD.replyId()).isEqualTo("rpl:nodespermcreatechild");
    }

    @Test
    @DisplayName("§4.11: both file token commands are answered by rpl:getftok")
    void fileTokenCommandsShareReplyId() {
        assertThat(CommandId.GETFUTOK.replyId()).isEqualTo("rpl:getftok");
        assertThat(CommandId.GETFDTOK.replyId()).isEqualTo("rpl:getftok");
    }

    @Test
    @DisplayName("§4.2: cmd:getserverinfo is answered by rpl:getserverinfo as [MS-OCSPROT] writes it")
    void serverInfoReplyId() {
        assertThat(CommandId.GETSERVERINFO.replyId()).isEqualTo("rpl:getserverinfo");
    }

    @Test
    @DisplayName("§4.0: lookup is exact and unknown ids are empty")
    void lookup() {
        assertThat(CommandId.fromWire("cmd:bjoin")).contains(CommandId.BJOIN);
        assertThat(CommandId.fromWire("CMD:BJOIN")).isEmpty();
    }

    @Test
    @DisplayName("§4.0: the checked lookup names an unknown id")
    void checkedLookupNamesUnknownId() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CommandId.ofWire("cmd:x"));

        assertThat(e.getMessage()).isEqualTo("unknown XCCOS command id: cmd:x");
    }

    @Test
    @DisplayName("§3.3: an unknown command still gets a reply id")
    void unknownCommandReplyId() {
        assertThat(CommandId.replyIdFor("cmd:frobnicate")).isEqualTo("rpl:frobnicate");
        assertThat(CommandId.replyIdFor("odd")).isEqualTo("rpl:odd");
    }

    @Test
    @DisplayName("§4.0: unknown command data refuses a known id")
    void unknownDataRefusesKnownId() {
        assertThrows(IllegalArgumentException.class, () -> new UnknownCommandData("cmd:join"));
    }
}
