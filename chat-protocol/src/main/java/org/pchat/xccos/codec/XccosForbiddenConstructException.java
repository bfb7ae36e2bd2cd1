package org.pchat.xccos.codec;

/**
 * The body uses an XML construct the decoder refuses: a DOCTYPE declaration (DTDs, hence entity declarations,
 * billion laughs and external entities) or an entity reference other than the five predefined ones.
 */
public final class XccosForbiddenConstructException extends XccosException {

    private static final long serialVersionUID = 1L;

    private final String construct;

    XccosForbiddenConstructException(String construct, int line, int column) {
        super(XccosErrorKind.FORBIDDEN_CONSTRUCT, "XCCOS body contains " + construct + " at line " + line
                + ", column " + column + ": DTDs and entity references are not allowed", null);
        this.construct = construct;
    }

    /** The construct seen, e.g. {@code DOCTYPE declaration}. */
    public String construct() {
        return construct;
    }
}
