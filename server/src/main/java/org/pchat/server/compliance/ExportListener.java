package org.pchat.server.compliance;

import java.nio.file.Path;

/**
 * Hears an export's progress (the CLI's progress bar). Called on the exporting thread; an exception thrown here
 * aborts the export where it is, exactly like a crash at that point, which tests use.
 */
public interface ExportListener {

    /** Hears nothing. */
    ExportListener NONE = new ExportListener() {
    };

    /** An adapter starts; about {@code events} events are to be exported. */
    default void started(String adapter, long events) {
    }

    /** One more event was written (or found already written). */
    default void exported(String adapter) {
    }

    /** A file was renamed into place; its range's checkpoint is not saved yet. */
    default void fileWritten(String adapter, Path file) {
    }
}
