package org.pchat.xccos.codec;

/**
 * Base of every error the XCCOS decoder reports. {@link #kind()} tells the server which protocol answer to give;
 * the message names the value seen, what was expected, and where.
 */
public abstract sealed class XccosException extends Exception permits XccosSyntaxException,
        XccosForbiddenConstructException, XccosUnsupportedDocumentException, XccosFormatException,
        XccosLimitExceededException {

    private static final long serialVersionUID = 1L;

    private final XccosErrorKind kind;

    XccosException(XccosErrorKind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    /** What went wrong. */
    public XccosErrorKind kind() {
        return kind;
    }
}
