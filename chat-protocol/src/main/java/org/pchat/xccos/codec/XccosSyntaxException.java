package org.pchat.xccos.codec;

/** The body is not well-formed XML (truncated, bad markup, trailing content) or not valid UTF-8. */
public final class XccosSyntaxException extends XccosException {

    private static final long serialVersionUID = 1L;

    private final int line;
    private final int column;

    XccosSyntaxException(String detail, int line, int column, Throwable cause) {
        super(XccosErrorKind.SYNTAX, "malformed XCCOS body" + (line > 0 ? " at line " + line + ", column " + column
                : "") + ": " + detail, cause);
        this.line = line;
        this.column = column;
    }

    /** The 1-based line of the error, or -1 when unknown. */
    public int line() {
        return line;
    }

    /** The 1-based column of the error, or -1 when unknown. */
    public int column() {
        return column;
    }
}
