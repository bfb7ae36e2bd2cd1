package org.pchat.xccos.codec;

/**
 * What went wrong with an XCCOS body, so the server can pick its answer without inspecting exception types.
 * The suggested SIP answers follow ARCHITECTURE.md §6 ("bad input gets a protocol-correct error").
 */
public enum XccosErrorKind {
    /** Not well-formed XML, or not UTF-8 ({@link XccosSyntaxException}); suggested SIP 400. */
    SYNTAX,
    /** A DOCTYPE or entity reference ({@link XccosForbiddenConstructException}); suggested SIP 400. */
    FORBIDDEN_CONSTRUCT,
    /** Well-formed XML whose root is not {@code xccos} in the XCCOS namespace
     * ({@link XccosUnsupportedDocumentException}); suggested SIP 415. */
    NOT_XCCOS,
    /** A required attribute or element is missing or invalid ({@link XccosFormatException}); suggested SIP 400. */
    FORMAT,
    /** A configured limit was exceeded ({@link XccosLimitExceededException}); suggested SIP 413. */
    LIMIT_EXCEEDED
}
