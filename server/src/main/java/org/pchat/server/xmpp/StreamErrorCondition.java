package org.pchat.server.xmpp;

/** The stream error conditions this endpoint sends (RFC 6120 §4.9.3). */
public enum StreamErrorCondition {
    BAD_FORMAT("bad-format"),
    HOST_UNKNOWN("host-unknown"),
    INVALID_NAMESPACE("invalid-namespace"),
    NOT_AUTHORIZED("not-authorized"),
    NOT_WELL_FORMED("not-well-formed"),
    POLICY_VIOLATION("policy-violation"),
    RESTRICTED_XML("restricted-xml"),
    UNSUPPORTED_STANZA_TYPE("unsupported-stanza-type"),
    UNSUPPORTED_VERSION("unsupported-version"),
    INTERNAL_SERVER_ERROR("internal-server-error"),
    SYSTEM_SHUTDOWN("system-shutdown");

    private final String element;

    StreamErrorCondition(String element) {
        this.element = element;
    }

    /** The defined-condition element name. */
    public String element() {
        return element;
    }
}
