package org.pchat.server.web.api;

import java.util.List;
import java.util.UUID;

/** The JSON documents the API accepts (the request schemas of {@code /openapi.json}); absent fields are null. */
public final class ApiInputs {

    private ApiInputs() {
    }

    /** Credentials for a bearer token (alternative to HTTP Basic on {@code POST /api/tokens}). */
    public record TokenRequest(String user, String password) {
        @Override
        public String toString() {
            return "TokenRequest[user=" + user + ", password=***]";
        }
    }

    /** A new category; {@code name} is required. */
    public record CategoryInput(String name, String description, List<String> allowed, List<String> denied,
            List<String> creators, Boolean invitations, Boolean fileUpload, Boolean chatHistory) {
    }

    /** Changes to a category: each present field replaces the stored value. */
    public record CategoryPatch(String name, String description, List<String> allowed, List<String> denied,
            List<String> creators, Boolean invitations, Boolean fileUpload, Boolean chatHistory) {
    }

    /** A new room; {@code name} and {@code categoryId} are required. */
    public record RoomInput(String name, UUID categoryId, String description, String topic, String privacy,
            String type, List<String> members, List<String> managers, List<String> presenters, String invitations,
            String addinUrl) {
    }

    /** Changes to a room: each present field replaces the stored value; a role list replaces the whole list. */
    public record RoomPatch(String name, UUID categoryId, String description, String topic, String privacy,
            String type, List<String> members, List<String> managers, List<String> presenters, String invitations,
            String addinUrl, Boolean disabled) {
    }

    /** The holders of one role. */
    public record RoleHolders(List<String> users) {
    }
}
