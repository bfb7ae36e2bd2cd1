package org.pchat.server.files;

import java.time.Instant;
import org.jooq.DSLContext;
import org.pchat.server.domain.StoredFile;

/**
 * Records file events for compliance (FILEUPLOAD, FILEDOWNLOAD; ARCHITECTURE.md §4) inside the transaction of
 * the action: if recording throws, the upload is rolled back (its bytes deleted) or the download refused.
 * {@link #NONE} records nothing; the compliance service plugs in here.
 */
public interface FileAudit {

    /** Records nothing. */
    FileAudit NONE = new FileAudit() {
    };

    /** A file was stored (same transaction as its metadata row). */
    default void uploaded(DSLContext tx, StoredFile file, Instant at) {
    }

    /** A user is about to receive a file. */
    default void downloaded(DSLContext tx, StoredFile file, String userUri, Instant at) {
    }
}
