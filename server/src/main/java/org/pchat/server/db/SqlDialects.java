package org.pchat.server.db;

import java.util.Locale;
import org.jooq.SQLDialect;

/** Picks the jOOQ dialect for a JDBC URL: H2 and PostgreSQL only. */
public final class SqlDialects {

    private SqlDialects() {
    }

    /**
     * The dialect for a JDBC URL.
     *
     * @throws IllegalArgumentException for any database other than H2 and PostgreSQL, naming the URL's scheme
     */
    public static SQLDialect forJdbcUrl(String jdbcUrl) {
        String url = jdbcUrl == null ? "" : jdbcUrl.trim().toLowerCase(Locale.ROOT);
        if (url.startsWith("jdbc:h2:")) {
            return SQLDialect.H2;
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return SQLDialect.POSTGRES;
        }
        if (url.startsWith("jdbc:sqlserver:")) {
            throw new IllegalArgumentException("JDBC URL " + scheme(url) + "… selects SQL Server, which is not "
                    + "supported: jOOQ's open-source edition has no SQL Server dialect; use PostgreSQL "
                    + "(jdbc:postgresql:…) or the embedded H2 (jdbc:h2:…)");
        }
        throw new IllegalArgumentException("JDBC URL " + scheme(url) + "… is not supported: use PostgreSQL "
                + "(jdbc:postgresql:…) or the embedded H2 (jdbc:h2:…)");
    }

    /** The URL up to the database part, safe to log (no host credentials). */
    static String scheme(String url) {
        int second = url.indexOf(':', "jdbc:".length());
        return second < 0 ? "'" + url + "'" : "'" + url.substring(0, second + 1) + "'";
    }
}
