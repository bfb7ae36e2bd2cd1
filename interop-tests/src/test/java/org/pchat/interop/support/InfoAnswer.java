package org.pchat.interop.support;

/**
 * How a test client answers the INFOs the server sends it (xccos.md §2.2, §11): a live client answers 200; a
 * client that considers the dialog stale answers 487; a client that does not know the dialog answers nothing.
 * The server must drop a participant whose INFO got a non-2xx (xccos.md §10.5).
 */
public enum InfoAnswer {
    /** 200 OK, and the body is delivered to the inbox. */
    OK(200),
    /** 487 Request Terminated, as SIPE does for a known chat URI on an old Call-ID. */
    REQUEST_TERMINATED(487),
    /** No response at all, as SIPE does for an unknown dialog. */
    NO_ANSWER(0);

    private final int status;

    InfoAnswer(int status) {
        this.status = status;
    }

    /** The SIP status sent, 0 for none. */
    public int status() {
        return status;
    }
}
