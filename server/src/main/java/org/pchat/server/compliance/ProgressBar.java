package org.pchat.server.compliance;

import java.io.PrintWriter;
import java.util.Objects;

/**
 * An export's progress on a terminal: one line redrawn in place,
 * {@code xml [##########----------]  50% 500/1000}. Redraws only when the shown percentage changes.
 */
public final class ProgressBar implements ExportListener {

    private static final int WIDTH = 30;

    private final PrintWriter terminal;
    private String adapter = "";
    private long total;
    private long done;
    private int shownPercent = -1;

    /** @param terminal the console's writer */
    public ProgressBar(PrintWriter terminal) {
        this.terminal = Objects.requireNonNull(terminal, "terminal");
    }

    @Override
    public void started(String name, long events) {
        finish();
        adapter = name;
        total = Math.max(0, events);
        done = 0;
        shownPercent = -1;
        draw();
    }

    @Override
    public void exported(String name) {
        done++;
        draw();
    }

    /** Ends the current line, if one was drawn. */
    public void finish() {
        if (shownPercent >= 0) {
            terminal.println();
            terminal.flush();
            shownPercent = -1;
        }
    }

    /** The line for {@code done} of {@code total} events. */
    static String line(String adapter, long done, long total) {
        int percent = total == 0 ? 100 : (int) Math.min(100, done * 100 / total);
        int filled = percent * WIDTH / 100;
        return String.format("%s [%s%s] %3d%% %d/%d", adapter, "#".repeat(filled), "-".repeat(WIDTH - filled),
                percent, done, Math.max(done, total));
    }

    private void draw() {
        int percent = total == 0 ? 100 : (int) Math.min(100, done * 100 / total);
        if (percent == shownPercent) {
            return;
        }
        shownPercent = percent;
        terminal.print("\r" + line(adapter, done, total));
        terminal.flush();
    }
}
