package org.pchat.interop.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What the driver reads from server INFOs (xccos.md §3.3 replies by commandid/@envid, §5.2 fan-out). */
class XccosTest {

    @Test
    void replyIsMatchedByTheEnvidItAnswersAndCarriesItsCode() throws Exception {
        String body = "<xccos ver=\"1\" envid=\"7962449779256945056\" xmlns=\"urn:parlano:xml:ns:xccos\">"
                + "<rpl id=\"rpl:bjoin\" seqid=\"1\"><commandid seqid=\"1\" envid=\"139132352\"/>"
                + "<resp code=\"200\">SUCCESS_OK</resp><data><fib key=\"OPERATION_FAILED\" value=\"x\" "
                + "domain=\"d\"/></data></rpl></xccos>";

        List<Xccos.Element> elements = Xccos.read(body);

        assertThat(elements).singleElement().satisfies(e -> {
            assertThat(e.id()).isEqualTo("rpl:bjoin");
            assertThat(e.answersEnv()).isEqualTo(139132352L);
            assertThat(e.code()).isEqualTo(200);
            assertThat(e.failedRooms()).isEqualTo(1);
        });
    }

    @Test
    void postWeSendIsReadBackWithItsRoomAndText() throws Exception {
        String body = Xccos.grpchat(5, "ma-chan://d/g", "sip:a@d", "lt-12-345");

        List<Xccos.Element> elements = Xccos.read(body);

        assertThat(elements).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo("grpchat");
            assertThat(e.roomUri()).isEqualTo("ma-chan://d/g");
            assertThat(e.text()).isEqualTo("lt-12-345");
        });
    }

    @Test
    void markupInAPostIsEscapedAndReadBackUnchanged() throws Exception {
        String text = "a < b && c > \"d\" 'e'";
        String body = Xccos.grpchat(6, "ma-chan://d/g?x=1&y=2", "sip:a@d", text);

        List<Xccos.Element> elements = Xccos.read(body);

        assertThat(elements).singleElement().satisfies(e -> {
            assertThat(e.roomUri()).isEqualTo("ma-chan://d/g?x=1&y=2");
            assertThat(e.text()).isEqualTo(text);
        });
    }
}
