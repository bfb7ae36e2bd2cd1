package org.pchat.server.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pchat.server.domain.ComplianceEventType;

/** CSV output: a header, one record per event. */
class CsvEventWriterTest {

    private static String write(ExportOptions options) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new CsvEventWriter(options, ExportDetails.NONE).write(List.of(
                Events.chat(1, Events.ROOM, "hello, \"world\"", 41, Events.AT),
                Events.of(2, ComplianceEventType.PART, Events.ROOM, null, Events.AT)), out, () -> { });
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void headerNamesTheColumns() throws Exception {
        assertThat(write(ExportOptions.defaults()).lines().findFirst()).contains(
                "event_id,type,time_utc,since1970,user,room_uri,room_id,content,message_id,node");
    }

    @Test
    void detailColumnsFollowWhenRequested() throws Exception {
        assertThat(write(new ExportOptions(false, true, true, 10)).lines().findFirst()).get().asString()
                .endsWith(",node,room_name,room_description,category,logged,user_name");
    }

    @Test
    void chatRecordQuotesItsContent() throws Exception {
        assertThat(write(ExportOptions.defaults()).split("\r\n")[1]).isEqualTo("1,CHAT,2008-03-12T19:56:40.522264Z,"
                + "1205351800522,sip:kazuto@litwareinc.com,ma-chan://litwareinc.com/" + Events.ROOM + ","
                + Events.ROOM + ",\"hello, \"\"world\"\"\",41,node-a");
    }

    @Test
    void partRecordHasEmptyContentAndMessageId() throws Exception {
        assertThat(write(ExportOptions.defaults()).split("\r\n")[2]).endsWith("," + Events.ROOM + ",,,node-a");
    }
}
