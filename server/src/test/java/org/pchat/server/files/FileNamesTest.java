package org.pchat.server.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FileNamesTest {

    @Test
    void uniqueNameIsAGuidKeepingAShortExtension_xccos8_1() {
        assertThat(FileNames.unique("Report.PDF")).matches("[0-9a-f-]{36}\\.pdf");
        assertThat(FileNames.unique("archive.tar.gz")).matches("[0-9a-f-]{36}\\.gz");
        assertThat(FileNames.unique("README")).matches("[0-9a-f-]{36}");
        assertThat(FileNames.unique("x.we!rd")).matches("[0-9a-f-]{36}");
        assertThat(FileNames.unique("a.txt")).isNotEqualTo(FileNames.unique("a.txt"));
    }

    @Test
    void traversalAndOtherNamesAreNotStoredNames() {
        for (String bad : new String[] {"../etc/passwd", "..", "a/b", "a\\b", "passwd", "",
                "0b0b0b0b-0b0b-0b0b-0b0b-0b0b0b0b0b0b/../x", "0B0B0B0B-0B0B-0B0B-0B0B-0B0B0B0B0B0B.txt"}) {
            assertThat(FileNames.isStoredName(bad)).as(bad).isFalse();
        }
        assertThatThrownBy(() -> FileNames.requireStoredName("../../etc/passwd"))
                .isInstanceOf(FileException.class).hasMessageContaining("../../etc/passwd")
                .hasMessageContaining("not a stored file name");
    }

    @Test
    void displayNameDropsPathsControlCharactersAndQuotes() {
        assertThat(FileNames.displayName("C:\\Users\\me\\q1 \"final\".xlsx")).isEqualTo("q1 final.xlsx");
        assertThat(FileNames.displayName("../../etc/passwd")).isEqualTo("passwd");
        assertThat(FileNames.displayName("a\u0000b\r\nc.txt")).isEqualTo("abc.txt");
        assertThat(FileNames.displayName("..")).isEqualTo("file");
        assertThat(FileNames.displayName("x".repeat(400))).hasSize(FileNames.MAX_ORIGINAL_NAME_LENGTH);
    }

    @Test
    void extensionMustBeShortAndAlphanumeric() {
        assertThat(FileNames.withExtension(".TXT")).endsWith(".txt");
        assertThatThrownBy(() -> FileNames.withExtension("t/x")).isInstanceOf(FileException.class)
                .hasMessageContaining("t/x");
    }
}
