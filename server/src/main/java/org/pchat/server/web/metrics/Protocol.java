package org.pchat.server.web.metrics;

import java.util.Locale;

/** The client protocols a node serves, as the {@code protocol} tag of its meters. */
public enum Protocol {
    SIP,
    XMPP,
    HTTP;

    /** The tag value: lower case. */
    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
