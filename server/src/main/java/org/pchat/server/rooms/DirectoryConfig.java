package org.pchat.server.rooms;

/**
 * Limits of the directory.
 *
 * @param maxNameLength        longest room or category name
 * @param maxTextLength        longest description or topic
 * @param maxAddinUrlLength    longest add-in URL
 * @param maxRoleEntries       most users in one role list of a room
 * @param maxPrincipals        most principals in one list of a category
 * @param maxSearchResults     most rooms one room search returns (Lync: 999)
 */
public record DirectoryConfig(int maxNameLength, int maxTextLength, int maxAddinUrlLength, int maxRoleEntries,
        int maxPrincipals, int maxSearchResults) {

    public DirectoryConfig {
        requireRange("maxNameLength", maxNameLength, 1, 256);
        requireRange("maxTextLength", maxTextLength, 1, 1024);
        requireRange("maxAddinUrlLength", maxAddinUrlLength, 1, 2048);
        requireRange("maxRoleEntries", maxRoleEntries, 1, 100_000);
        requireRange("maxPrincipals", maxPrincipals, 1, 10_000);
        requireRange("maxSearchResults", maxSearchResults, 1, 10_000);
    }

    /** Names up to 256 chars, descriptions and topics up to 1,024, 10,000 users per role, 999 search results. */
    public static DirectoryConfig defaults() {
        return new DirectoryConfig(256, 1024, 2048, 10_000, 1_000, 999);
    }

    private static void requireRange(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException("directory " + name + " is " + value + ", allowed range is "
                    + min + ".." + max);
        }
    }
}
