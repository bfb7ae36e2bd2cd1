package org.pchat.server.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class FileLinksTest {

    private static final UUID ROOM = UUID.fromString("094f5a4a-c492-4f6b-91c2-385eba134fd3");
    private static final String NAME = "a912898f-cf23-476b-a644-0c541d7cfdcf.txt";

    @Test
    void maFileLinkRoundTrips_xccos5_3() {
        String link = FileLinks.maFileLink("Lync.Example.com", ROOM, NAME);

        assertThat(link).isEqualTo("ma-filelink://lync.example.com/" + ROOM + "/" + NAME);
        assertThat(FileLinks.parse(link)).contains(new FileLinks.FileLink("lync.example.com", ROOM, NAME));
    }

    @Test
    void linksWithOtherNamesAreNotParsed() {
        assertThat(FileLinks.parse("ma-filelink://example.com/" + ROOM + "/..")).isEmpty();
        assertThat(FileLinks.parse("ma-filelink://example.com/" + ROOM + "/passwd")).isEmpty();
        assertThat(FileLinks.parse("https://example.com/" + ROOM + "/" + NAME)).isEmpty();
        assertThat(FileLinks.parse(null)).isEmpty();
    }

    @Test
    void httpUrlHangsUnderThePublicUrl() {
        assertThat(FileLinks.httpUrl(URI.create("https://chat.example.com"), ROOM, NAME))
                .isEqualTo(URI.create("https://chat.example.com/files/" + ROOM + "/" + NAME));
        assertThat(FileLinks.httpUrl(URI.create("https://chat.example.com/pchat/"), ROOM, NAME))
                .isEqualTo(URI.create("https://chat.example.com/pchat/files/" + ROOM + "/" + NAME));
    }
}
