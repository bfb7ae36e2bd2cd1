package org.pchat.server.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The terminal progress bar. */
class ProgressBarTest {

    @Test
    void lineShowsTheFilledShareThePercentageAndTheCounts() {
        assertThat(ProgressBar.line("xml", 50, 100))
                .isEqualTo("xml [###############---------------]  50% 50/100");
    }

    @Test
    void nothingToExportIsShownAsComplete() {
        assertThat(ProgressBar.line("csv", 0, 0)).isEqualTo("csv [##############################] 100% 0/0");
    }

    @Test
    void theLineIsRedrawnOnlyWhenThePercentageChanges() {
        StringWriter out = new StringWriter();
        ProgressBar bar = new ProgressBar(new PrintWriter(out));

        bar.started("jsonl", 1_000);
        for (int i = 0; i < 1_000; i++) {
            bar.exported("jsonl");
        }
        bar.finish();

        assertThat(out.toString().chars().filter(c -> c == '\r').count()).isEqualTo(101);
        assertThat(out.toString()).endsWith("100% 1000/1000" + System.lineSeparator());
    }
}
