package org.pchat.xccos.model;

import java.util.Objects;

/**
 * One {@code <info id="…">value</info>} or {@code <prop id="…">value</prop>} of a search result's
 * {@code chanib} (xccos.md §4.10). The ids are URNs; note the wire spelling {@code visibilty}.
 *
 * @param id    the URN
 * @param value the element text
 */
public record ChannelDetail(String id, String value) {

    /** The element name of an info entry. */
    public static final String INFO_ELEMENT = "info";
    /** The element name of a property entry. */
    public static final String PROP_ELEMENT = "prop";
    /** Number of users currently joined. */
    public static final String INFO_USER_COUNT = "urn:parlano:ma:info:ucnt";
    /** Room visibility; clients only test for {@code private}. Spelled as on the wire. */
    public static final String INFO_VISIBILITY = "urn:parlano:ma:info:visibilty";
    /** File upload allowed. */
    public static final String PROP_FILE_POST = "urn:parlano:ma:prop:filepost";
    /** Invitations sent to members. */
    public static final String PROP_INVITE = "urn:parlano:ma:prop:invite";
    /** History kept. */
    public static final String PROP_LOGGED = "urn:parlano:ma:prop:logged";

    public ChannelDetail {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(value, "value");
    }

    /** The {@code ucnt} info entry. */
    public static ChannelDetail userCount(int count) {
        return new ChannelDetail(INFO_USER_COUNT, Integer.toString(count));
    }

    /** The {@code visibilty} info entry, e.g. {@code private}. */
    public static ChannelDetail visibility(String visibility) {
        return new ChannelDetail(INFO_VISIBILITY, visibility);
    }

    /** The {@code filepost} property. */
    public static ChannelDetail filePost(boolean allowed) {
        return new ChannelDetail(PROP_FILE_POST, Boolean.toString(allowed));
    }

    /** The {@code invite} property. */
    public static ChannelDetail invite(boolean enabled) {
        return new ChannelDetail(PROP_INVITE, Boolean.toString(enabled));
    }

    /** The {@code logged} property. */
    public static ChannelDetail logged(boolean logged) {
        return new ChannelDetail(PROP_LOGGED, Boolean.toString(logged));
    }
}
