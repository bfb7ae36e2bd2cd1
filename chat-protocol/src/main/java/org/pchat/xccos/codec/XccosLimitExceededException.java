package org.pchat.xccos.codec;

/** A body breached one of the {@link XccosLimits}. */
public final class XccosLimitExceededException extends XccosException {

    private static final long serialVersionUID = 1L;

    private final XccosLimit limit;
    private final long seen;
    private final long max;

    XccosLimitExceededException(XccosLimit limit, long seen, long max, String where) {
        super(XccosErrorKind.LIMIT_EXCEEDED, "XCCOS " + limit.description() + " " + seen + " exceeds the limit "
                + limit.property() + "=" + max + " at " + where, null);
        this.limit = limit;
        this.seen = seen;
        this.max = max;
    }

    /** Which limit. */
    public XccosLimit limit() {
        return limit;
    }

    /** The value seen (the first value over the limit for counts, the exact size for the body). */
    public long seen() {
        return seen;
    }

    /** The configured limit. */
    public long max() {
        return max;
    }
}
