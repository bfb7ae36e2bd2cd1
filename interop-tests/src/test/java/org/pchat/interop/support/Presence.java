package org.pchat.interop.support;

/**
 * One user entering or leaving one room, as {@code ntc:join}/{@code ntc:bjoin}/{@code ntc:part} report it
 * (xccos.md §4.8).
 *
 * @param userUri the user's SIP URI
 * @param roomUri the room URI
 */
public record Presence(String userUri, String roomUri) {

    /** Whether this is {@code user} in {@code room} (URIs compared ignoring case). */
    public boolean is(String user, RoomUri room) {
        return userUri.equalsIgnoreCase(user) && roomUri.equalsIgnoreCase(room.toString());
    }
}
