package org.pchat.server.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Output file names, atomic writes and finding what an interrupted run wrote. */
class ExportFilesTest {

    private static final UUID ROOM = UUID.fromString("094f5a4a-3c9c-4a0e-8a33-5d1c1c0b3c01");

    @TempDir
    Path dir;

    @Test
    void namesCarryTheZeroPaddedRangeAndTheRoom() {
        assertThat(ExportFiles.name("xml", 1, 42, Optional.empty(), ExportFormat.XML))
                .isEqualTo("xml-000000000001-000000000042.xml");
        assertThat(ExportFiles.name("csv", 7, 9, Optional.of(ROOM), ExportFormat.CSV))
                .isEqualTo("csv-000000000007-000000000009-" + ROOM + ".csv");
    }

    @Test
    void aWrittenFileHasItsContentAndNoTemporaryFileIsLeft() throws IOException {
        ExportFiles files = new ExportFiles("node-a", dir);

        Path written = files.write("xml-1-2.xml",
                out -> out.write("<Conversations/>".getBytes(StandardCharsets.UTF_8)));

        assertThat(written).hasContent("<Conversations/>");
        try (var listed = Files.list(dir)) {
            assertThat(listed).containsExactly(written);
        }
    }

    @Test
    void aFailedWriteLeavesNoFileUnderTheFinalName() {
        ExportFiles files = new ExportFiles("node-a", dir);

        assertThatThrownBy(() -> files.write("xml-1-2.xml", out -> {
            out.write('<');
            throw new IOException("disk full");
        })).hasMessage("disk full");

        assertThat(dir.resolve("xml-1-2.xml")).doesNotExist();
    }

    @Test
    void rangeStartingAtAnIdIsFoundWithItsRoomsAndEnd() throws IOException {
        ExportFiles files = new ExportFiles("node-a", dir);
        files.write(ExportFiles.name("jsonl", 11, 20, Optional.of(ROOM), ExportFormat.JSONL), out -> { });
        files.write(ExportFiles.name("jsonl", 1, 10, Optional.empty(), ExportFormat.JSONL), out -> { });

        assertThat(files.written("jsonl", 11, ExportFormat.JSONL))
                .contains(new ExportFiles.WrittenRange(20, false, Set.of(ROOM)));
        assertThat(files.written("jsonl", 1, ExportFormat.JSONL))
                .contains(new ExportFiles.WrittenRange(10, true, Set.of()));
        assertThat(files.written("jsonl", 21, ExportFormat.JSONL)).isEmpty();
        assertThat(files.written("xml", 1, ExportFormat.XML)).isEmpty();
    }

    @Test
    void twoDifferentRangesStartingAtTheSameIdAreReportedInsteadOfGuessed() throws IOException {
        ExportFiles files = new ExportFiles("node-a", dir);
        files.write(ExportFiles.name("xml", 1, 10, Optional.empty(), ExportFormat.XML), out -> { });
        files.write(ExportFiles.name("xml", 1, 12, Optional.empty(), ExportFormat.XML), out -> { });

        assertThatThrownBy(() -> files.written("xml", 1, ExportFormat.XML)).isInstanceOf(IOException.class)
                .hasMessageContaining("2 different ranges starting at event 1");
    }
}
