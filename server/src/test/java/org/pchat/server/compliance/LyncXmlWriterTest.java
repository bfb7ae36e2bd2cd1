package org.pchat.server.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.pchat.server.domain.ComplianceEventType;
import org.pchat.server.domain.StoredComplianceEvent;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;

/** The Lync compliance XML (xccos.md §8.3) and its schema. */
class LyncXmlWriterTest {

    /** The default adapter's output as published (xccos.md §8.3), verbatim. */
    private static final String LYNC_SAMPLE = """
            <Conversations xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
            xmlns:xsd="http://www.w3.org/2001/XMLSchema">
              <Conversation>
                <Channel uri="ma-chan://litwareinc.com/300" name="ma-chan://litwareinc.com/300" islogged="" />
                <Messages>
                  <Message type="CHAT" content="hello" id="1">
                    <Sender UserName="TestUser kazuto" id="10" email="kazuto@litwareinc.com" internal="true" \
            uri="kazuto@litwareinc.com" />
                    <DateTimeUTC since1970="1205351800522" string="2008-03-12T19:56:40.522264Z" \
            long="633409486005222640" />
                  </Message>
                </Messages>
                <StartTimeUTC since1970="1212610540953" string="2008-06-04T20:15:40.9535482Z" \
            long="633482073409535482" />
                <EndTimeUTC since1970="1212610602532" string="2008-06-04T20:16:42.5324614Z" \
            long="633482074025324614" />
              </Conversation>
            </Conversations>
            """;

    private static final ExportDetails DETAILS = new ExportDetails() {
        @Override
        public Optional<RoomInfo> room(UUID roomId) {
            return Optional.of(new RoomInfo("Lobby & co", "where <people> meet", "General", true));
        }

        @Override
        public Optional<String> displayName(String userUri) {
            return Optional.of("TestUser kazuto");
        }
    };

    private static String write(List<StoredComplianceEvent> events, ExportOptions options) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new LyncXmlWriter(options, DETAILS).write(events, out, () -> { });
        return out.toString(StandardCharsets.UTF_8);
    }

    private static List<StoredComplianceEvent> everyType() {
        return List.of(
                Events.of(1, ComplianceEventType.JOIN, Events.ROOM, null, Events.AT),
                Events.chat(2, Events.ROOM, "hello", 41, Events.AT.plusSeconds(1)),
                Events.of(3, ComplianceEventType.BACKCHAT, Events.ROOM, null, Events.AT.plusSeconds(2)),
                Events.of(4, ComplianceEventType.FILEUPLOAD, Events.ROOM, "0988239a-b07771a2097c.txt",
                        Events.AT.plusSeconds(3)),
                Events.of(5, ComplianceEventType.FILEDOWNLOAD, Events.ROOM, "0988239a-b07771a2097c.txt",
                        Events.AT.plusSeconds(4)),
                Events.of(6, ComplianceEventType.PART, Events.ROOM, null, Events.AT.plusSeconds(5)));
    }

    @Test
    void lyncSampleValidatesAgainstTheSchema() throws Exception {
        LyncXml.validate(LYNC_SAMPLE);
    }

    @Test
    void schemaRejectsAnUnknownMessageType() {
        assertThatThrownBy(() -> LyncXml.validate(LYNC_SAMPLE.replace("type=\"CHAT\"", "type=\"WHISPER\"")))
                .isInstanceOf(SAXException.class).hasMessageContaining("WHISPER");
    }

    @Test
    void everyEventTypeWithoutDetailsValidates() throws Exception {
        LyncXml.validate(write(everyType(), ExportOptions.defaults()));
    }

    @Test
    void everyEventTypeWithRoomAndUserDetailsValidates() throws Exception {
        LyncXml.validate(write(everyType(), new ExportOptions(false, true, true, 100)));
    }

    @Test
    void onlyChatMessagesCarryTheMessageId() throws Exception {
        Document xml = LyncXml.parse(write(everyType(), ExportOptions.defaults()));

        assertThat(LyncXml.elements(xml, "Message")).filteredOn(m -> m.hasAttribute("id"))
                .singleElement()
                .satisfies(m -> {
                    assertThat(m.getAttribute("type")).isEqualTo("CHAT");
                    assertThat(m.getAttribute("id")).isEqualTo("41");
                });
    }

    @Test
    void fileEventsCarryTheStoredFileNameAsContent() throws Exception {
        Document xml = LyncXml.parse(write(everyType(), ExportOptions.defaults()));

        assertThat(LyncXml.elements(xml, "Message")).filteredOn(m -> m.getAttribute("type").startsWith("FILE"))
                .extracting(m -> m.getAttribute("content"))
                .containsExactly("0988239a-b07771a2097c.txt", "0988239a-b07771a2097c.txt");
    }

    @Test
    void messageTimeHasTheThreeLyncForms() throws Exception {
        Document xml = LyncXml.parse(write(List.of(Events.chat(1, Events.ROOM, "hello", 1, Events.AT)),
                ExportOptions.defaults()));

        Element time = LyncXml.child(LyncXml.elements(xml, "Message").get(0), "DateTimeUTC");
        assertThat(time.getAttribute("since1970")).isEqualTo("1205351800522");
        assertThat(time.getAttribute("string")).isEqualTo("2008-03-12T19:56:40.522264Z");
        assertThat(time.getAttribute("long")).isEqualTo("633409486005222640");
    }

    @Test
    void eachRoomIsOneConversationSpanningItsEvents() throws Exception {
        Instant later = Events.AT.plusSeconds(60);
        Document xml = LyncXml.parse(write(List.of(Events.chat(1, Events.ROOM, "a", 1, Events.AT),
                Events.chat(2, Events.OTHER_ROOM, "b", 2, Events.AT.plusSeconds(1)),
                Events.chat(3, Events.ROOM, "c", 3, later)), ExportOptions.defaults()));

        List<Element> conversations = LyncXml.elements(xml, "Conversation");
        assertThat(conversations).hasSize(2);
        Element first = conversations.get(0);
        assertThat(LyncXml.child(first, "Channel").getAttribute("uri")).isEqualTo("ma-chan://litwareinc.com/"
                + Events.ROOM);
        assertThat(LyncXml.elements(xml, "Message")).extracting(m -> m.getAttribute("content"))
                .containsExactly("a", "c", "b");
        assertThat(LyncXml.child(first, "StartTimeUTC").getAttribute("string")).isEqualTo(Events.AT.toString());
        assertThat(LyncXml.child(first, "EndTimeUTC").getAttribute("string")).isEqualTo(later.toString());
    }

    @Test
    void withoutRoomDetailsTheChannelIsNamedByItsUriAndLoggingIsUnknown() throws Exception {
        Element channel = LyncXml.elements(LyncXml.parse(write(everyType(), ExportOptions.defaults())), "Channel")
                .get(0);

        assertThat(channel.getAttribute("name")).isEqualTo(channel.getAttribute("uri"));
        assertThat(channel.getAttribute("islogged")).isEmpty();
        assertThat(channel.hasAttribute("category")).isFalse();
    }

    @Test
    void roomAndUserDetailsNameTheRoomCategoryAndUser() throws Exception {
        Document xml = LyncXml.parse(write(everyType(), new ExportOptions(false, true, true, 100)));

        Element channel = LyncXml.elements(xml, "Channel").get(0);
        assertThat(channel.getAttribute("name")).isEqualTo("Lobby & co");
        assertThat(channel.getAttribute("description")).isEqualTo("where <people> meet");
        assertThat(channel.getAttribute("category")).isEqualTo("General");
        assertThat(channel.getAttribute("islogged")).isEqualTo("true");
        assertThat(LyncXml.elements(xml, "Sender")).allSatisfy(s -> {
            assertThat(s.getAttribute("UserName")).isEqualTo("TestUser kazuto");
            assertThat(s.getAttribute("uri")).isEqualTo("kazuto@litwareinc.com");
        });
    }

    @Test
    void markupInContentIsEscapedAndReadBackUnchanged() throws Exception {
        String text = "<b>bold</b> & \"quoted\" 'single' ]]> \n second line";
        Document xml = LyncXml.parse(write(List.of(Events.chat(1, Events.ROOM, text, 1, Events.AT)),
                ExportOptions.defaults()));

        assertThat(LyncXml.elements(xml, "Message").get(0).getAttribute("content")).isEqualTo(text);
    }

    @Test
    void charactersXmlCannotCarryBecomeReplacementCharacters() throws Exception {
        String xml = write(List.of(Events.chat(1, Events.ROOM, "bell\u0007 nul\u0000 lone\uD800 ok\uD83D\uDE00", 1,
                Events.AT)), ExportOptions.defaults());

        LyncXml.validate(xml);
        assertThat(LyncXml.elements(LyncXml.parse(xml), "Message").get(0).getAttribute("content"))
                .isEqualTo("bell\uFFFD nul\uFFFD lone\uFFFD ok\uD83D\uDE00");
    }
}
