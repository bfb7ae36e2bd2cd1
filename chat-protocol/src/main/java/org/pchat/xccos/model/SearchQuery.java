package org.pchat.xccos.model;

import java.util.Objects;

/**
 * A room search {@code <qib qtype="BYNAME" criteria="" extended="false"/>} (xccos.md §4.10). An empty criteria
 * lists every room visible to the user.
 *
 * @param type     {@code qtype}, {@link #BY_NAME} from every known client
 * @param criteria the search text; may be empty
 * @param extended {@code extended}
 */
public record SearchQuery(String type, String criteria, boolean extended) {

    /** The element name. */
    public static final String ELEMENT = "qib";
    /** The only query type seen on the wire. */
    public static final String BY_NAME = "BYNAME";

    public SearchQuery {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(criteria, "criteria");
    }

    /** A by-name search. */
    public static SearchQuery byName(String criteria) {
        return new SearchQuery(BY_NAME, criteria, false);
    }
}
