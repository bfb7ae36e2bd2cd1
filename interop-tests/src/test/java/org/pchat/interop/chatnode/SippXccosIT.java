package org.pchat.interop.chatnode;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.pchat.interop.support.CategoryDef;
import org.pchat.interop.support.PchatProcess;
import org.pchat.interop.support.RandomNames;
import org.pchat.interop.support.RoomDef;
import org.pchat.interop.support.Sipp;
import org.pchat.interop.support.SippRun;
import org.pchat.interop.support.TestPaths;

/**
 * sipp, an independent SIP implementation, runs a whole XCCOS session against the node over TCP
 * (scenario {@code sipp/chatnode/xccos-session.xml}): INVITE, 200/ACK, INFO getserverinfo, chansrch, join and a
 * grpchat, each answered 200 and followed by the server's rpl (or echo) INFO whose body sipp checks with regular
 * expressions, then BYE.
 */
class SippXccosIT {
    private static final String ROOM = RandomNames.of("sipp-room");
    private static PchatProcess node;
    private static String user;

    @BeforeAll
    static void provisionAndStart() {
        node = PchatProcess.builder("SippXccosIT").build();
        user = RandomNames.of("sipp");
        node.cli().migrate();
        node.cli().addUser(node.userUri(user), "secret-sipp");
        String category = RandomNames.of("sipp");
        node.cli().newCategory(CategoryDef.forDomain(category, node.domain()));
        node.cli().newRoom(RoomDef.of(ROOM, category, RoomDef.Privacy.OPEN));
        node.start();
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
    }

    @Test
    @DisplayName("xccos.md §2, §3.3, §4.2, §4.5, §4.10, §5: sipp runs a chat session, every reply checked")
    void sippRunsXccosSession() {
        Sipp sipp = new Sipp("SippXccosIT");
        String ts = DateTimeFormatter.ISO_INSTANT.format(Instant.now().truncatedTo(ChronoUnit.SECONDS));

        sipp.run(SippRun.client(TestPaths.scenario("chatnode/xccos-session.xml"), node.sip())
                .withKey("domain", node.domain()).withKey("user", user).withKey("roomname", ROOM).withKey("ts", ts))
                .assertSuccess();
    }
}
