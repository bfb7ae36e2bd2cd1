package org.pchat.server.compliance;

import java.time.Clock;
import java.util.Objects;
import org.pchat.server.chat.ComplianceRecorder;
import org.pchat.server.files.FileAudit;

/**
 * The recording side of one node: the chat core's and the file service's hooks, sharing one
 * {@link ComplianceGate}. With compliance disabled both hooks record nothing.
 */
public final class ComplianceHooks {

    private final ComplianceGate gate;
    private final ComplianceRecorder recorder;
    private final FileAudit fileAudit;

    /**
     * @param config    the compliance options
     * @param nodeId    this node, recorded with every event
     * @param sipDomain the SIP domain of room URIs ({@code ma-chan://<domain>/<room>})
     * @param clock     wall clock (backlog age)
     */
    public ComplianceHooks(ComplianceConfig config, String nodeId, String sipDomain, Clock clock) {
        Objects.requireNonNull(config, "config");
        this.gate = new ComplianceGate(nodeId, config.maxBacklogAge(), clock);
        if (config.enabled()) {
            ComplianceEvents events = new ComplianceEvents(nodeId, sipDomain);
            OutboxWriter outbox = new OutboxWriter(nodeId, gate);
            this.recorder = new OutboxRecorder(events, outbox);
            this.fileAudit = new OutboxFileAudit(events, outbox);
        } else {
            this.recorder = ComplianceRecorder.NONE;
            this.fileAudit = FileAudit.NONE;
        }
    }

    /** For {@code ChatService}: JOIN, PART, CHAT, BACKCHAT. */
    public ComplianceRecorder recorder() {
        return recorder;
    }

    /** For {@code FileService}: FILEUPLOAD, FILEDOWNLOAD. */
    public FileAudit fileAudit() {
        return fileAudit;
    }

    /** Shared with this node's relay. */
    public ComplianceGate gate() {
        return gate;
    }
}
