package org.pchat.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.pchat.server.db.TestDatabases;

/** The repository contract on the embedded H2 databases (file mode, the Standard topology's settings). */
class RepositoryH2Test extends RepositoryContract {

    @TempDir
    static Path dataDir;

    @Override
    protected TestDatabases openDatabases() {
        return TestDatabases.h2(dataDir);
    }

    @Override
    protected void assertSeqIndexRangeScan(String plan) {
        assertThat(plan).containsIgnoringCase("UQ_MESSAGES_ROOM_SEQ");
        Matcher scanned = Pattern.compile("scanCount: (\\d+)").matcher(plan);
        assertThat(scanned.find()).as("H2 reports the rows scanned: %s", plan).isTrue();
        assertThat(Integer.parseInt(scanned.group(1))).as("rows scanned for a page of 30").isLessThanOrEqualTo(31);
    }
}
