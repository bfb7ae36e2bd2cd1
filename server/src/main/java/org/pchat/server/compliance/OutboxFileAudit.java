package org.pchat.server.compliance;

import java.time.Instant;
import java.util.Objects;
import org.jooq.DSLContext;
import org.pchat.server.domain.ComplianceEvent;
import org.pchat.server.domain.StoredFile;
import org.pchat.server.files.FileAudit;
import org.pchat.server.files.FileException;

/**
 * The file service's compliance hook: FILEUPLOAD and FILEDOWNLOAD (content: the stored file name), written to the
 * outbox in the action's transaction. When compliance cannot take them the upload is rolled back and the download
 * refused, with {@link FileException.Kind#BUSY} and the refusal's message.
 */
public final class OutboxFileAudit implements FileAudit {

    private final ComplianceEvents events;
    private final OutboxWriter outbox;

    OutboxFileAudit(ComplianceEvents events, OutboxWriter outbox) {
        this.events = Objects.requireNonNull(events, "events");
        this.outbox = Objects.requireNonNull(outbox, "outbox");
    }

    @Override
    public void uploaded(DSLContext tx, StoredFile file, Instant at) {
        admit(tx, events.fileUploaded(file, at));
    }

    @Override
    public void downloaded(DSLContext tx, StoredFile file, String userUri, Instant at) {
        admit(tx, events.fileDownloaded(file, userUri, at));
    }

    private void admit(DSLContext tx, ComplianceEvent event) {
        try {
            outbox.admit(tx, event);
        } catch (ComplianceUnavailableException e) {
            throw new FileException(FileException.Kind.BUSY, e.getMessage(), e);
        }
    }
}
