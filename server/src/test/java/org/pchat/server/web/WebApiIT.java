package org.pchat.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pchat.server.domain.Privacy;
import org.pchat.server.rooms.RoomSpec;
import org.pchat.server.store.MessageRepository;
import org.pchat.server.store.MessageStoreConfig;
import org.pchat.server.web.TestHttp.Reply;

/** The REST API against a real server: categories and rooms with the room model's rules, history search. */
class WebApiIT {

    @TempDir
    static Path dir;

    static WebTestServer server;
    static TestHttp http;
    static UUID engId;

    @BeforeAll
    static void start() {
        server = WebTestServer.start(dir);
        http = new TestHttp(server);
        Reply eng = http.json("POST", "/api/categories", Map.of("name", "Eng", "allowed", List.of("everyone"),
                "creators", List.of(WebTestServer.ALICE)), admin());
        assertThat(eng.status()).as(eng.text()).isEqualTo(201);
        engId = UUID.fromString(eng.json().get("id").asText());
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void adminCreatesReadsChangesAndRemovesCategory() {
        Reply created = http.json("POST", "/api/categories", Map.of("name", "Temp", "description", "d",
                "allowed", List.of("domain:example.com")), admin());
        String path = "/api/categories/" + created.json().get("id").asText();

        Reply read = http.get(path, admin());
        Reply changed = http.json("PATCH", path, Map.of("description", "changed", "fileUpload", false), admin());
        Reply removed = http.delete(path, admin());
        Reply gone = http.get(path, admin());

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo(path);
        assertThat(read.json().get("allowed").get(0).asText()).isEqualTo("domain:example.com");
        assertThat(changed.json().get("description").asText()).isEqualTo("changed");
        assertThat(changed.json().get("fileUpload").asBoolean()).isFalse();
        assertThat(removed.status()).isEqualTo(204);
        assertThat(gone.status()).isEqualTo(404);
    }

    @Test
    void onlyAdministratorsCreateCategories() {
        Reply refused = http.json("POST", "/api/categories", Map.of("name", "Mine"), as(WebTestServer.ALICE));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().get("status").asInt()).isEqualTo(403);
    }

    @Test
    void categoryHoldingRoomsCannotBeRemoved() {
        Reply cat = http.json("POST", "/api/categories", Map.of("name", "Busy", "allowed", List.of("everyone")),
                admin());
        String id = cat.json().get("id").asText();
        http.json("POST", "/api/rooms", Map.of("name", "Busy room", "categoryId", id), admin());

        Reply refused = http.delete("/api/categories/" + id, admin());

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("detail").asText()).contains("still holds 1 room");
    }

    @Test
    void creatorCreatesRoomInTheirCategoryAndManagesIt() {
        Reply created = http.json("POST", "/api/rooms", Map.of("name", "Alice's room", "categoryId", engId,
                "privacy", "closed", "members", List.of(WebTestServer.BOB)), as(WebTestServer.ALICE));

        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.json().get("roles").get("managers").get(0).asText()).isEqualTo(WebTestServer.ALICE);
        assertThat(created.json().get("canManage").asBoolean()).isTrue();
        assertThat(created.json().get("uri").asText()).startsWith("ma-chan://example.com/");
    }

    @Test
    void userWhoIsNotACreatorCannotCreateRooms() {
        Reply refused = http.json("POST", "/api/rooms", Map.of("name", "Bob's room", "categoryId", engId),
                as(WebTestServer.BOB));

        assertThat(refused.status()).isEqualTo(403);
    }

    @Test
    void duplicateRoomNameIsAConflict() {
        http.json("POST", "/api/rooms", Map.of("name", "Twice", "categoryId", engId), admin());

        Reply again = http.json("POST", "/api/rooms", Map.of("name", "twice", "categoryId", engId), admin());

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("detail").asText()).contains("already exists");
    }

    @Test
    void invalidPrivacyIs422NamingTheField() {
        Reply refused = http.json("POST", "/api/rooms", Map.of("name", "Bad", "categoryId", engId,
                "privacy", "public"), admin());

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("field").asText()).isEqualTo("privacy");
        assertThat(refused.json().get("detail").asText()).contains("public").contains("open|closed|secret");
    }

    @Test
    void unknownPropertyIs400NamingTheField() {
        Reply refused = http.json("POST", "/api/rooms", Map.of("name", "Bad", "categoryId", engId,
                "owner", "me"), admin());

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("field").asText()).isEqualTo("owner");
    }

    @Test
    void jsonRoutesRefuseOtherContentTypes() {
        Reply refused = http.bytes("POST", "/api/rooms", "name=x".getBytes(), "application/x-www-form-urlencoded",
                admin());

        assertThat(refused.status()).isEqualTo(415);
    }

    @Test
    void managerChangesAndDisablesTheirRoomOthersMayNot() {
        String id = http.json("POST", "/api/rooms", Map.of("name", "Managed", "categoryId", engId,
                "privacy", "open"), as(WebTestServer.ALICE)).json().get("id").asText();

        Reply changed = http.json("PATCH", "/api/rooms/" + id, Map.of("topic", "new topic", "privacy", "closed",
                "members", List.of(WebTestServer.CAROL)), as(WebTestServer.ALICE));
        Reply refused = http.json("PATCH", "/api/rooms/" + id, Map.of("topic", "mine now"), as(WebTestServer.BOB));
        Reply disabled = http.json("PATCH", "/api/rooms/" + id, Map.of("disabled", true), as(WebTestServer.ALICE));
        Reply roles = http.json("PUT", "/api/rooms/" + id + "/roles/presenters",
                Map.of("users", List.of(WebTestServer.BOB)), as(WebTestServer.ALICE));

        assertThat(changed.status()).as(changed.text()).isEqualTo(200);
        assertThat(changed.json().get("topic").asText()).isEqualTo("new topic");
        assertThat(changed.json().get("roles").get("members").get(0).asText()).isEqualTo(WebTestServer.CAROL);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(disabled.json().get("disabled").asBoolean()).isTrue();
        assertThat(roles.json().get("presenters").get(0).asText()).isEqualTo(WebTestServer.BOB);
    }

    @Test
    void secretRoomIsNotFoundForNonMembersAndNeverListed() {
        String id = http.json("POST", "/api/rooms", Map.of("name", "Secret plans", "categoryId", engId,
                "privacy", "secret", "members", List.of(WebTestServer.BOB)), admin()).json().get("id").asText();

        Reply read = http.get("/api/rooms/" + id, as(WebTestServer.CAROL));
        Reply listed = http.get("/api/rooms", as(WebTestServer.CAROL));
        Reply member = http.get("/api/rooms/" + id, as(WebTestServer.BOB));

        assertThat(read.status()).isEqualTo(404);
        assertThat(listed.json().findValuesAsText("name")).doesNotContain("Secret plans");
        assertThat(member.status()).isEqualTo(200);
    }

    @Test
    void historySearchReturnsOnlyWhatTheCallerMayRead() {
        UUID open = room("Open talk", Privacy.OPEN, Set.of());
        UUID closed = room("Closed talk", Privacy.CLOSED, Set.of(WebTestServer.BOB));
        UUID secret = room("Secret talk", Privacy.SECRET, Set.of(WebTestServer.BOB));
        MessageRepository messages = new MessageRepository(server.databases().databases().content(),
                MessageStoreConfig.defaults());
        Instant at = Instant.parse("2030-01-01T09:00:00Z");
        messages.append(open, WebTestServer.BOB, "needle in the open", false, null, at);
        messages.append(closed, WebTestServer.BOB, "needle behind a door", false, null, at);
        messages.append(secret, WebTestServer.BOB, "needle in the dark", false, null, at);

        JsonNode carol = http.get("/api/messages?q=needle", as(WebTestServer.CAROL)).json();
        JsonNode bob = http.get("/api/messages?q=NEEDLE&author=" + WebTestServer.BOB, as(WebTestServer.BOB)).json();
        Reply carolSecret = http.get("/api/rooms/" + secret + "/messages", as(WebTestServer.CAROL));
        Reply carolClosed = http.get("/api/rooms/" + closed + "/messages", as(WebTestServer.CAROL));
        Reply carolScoped = http.get("/api/messages?q=needle&roomId=" + secret, as(WebTestServer.CAROL));

        assertThat(carol.get("messages").findValuesAsText("text")).containsExactly("needle in the open");
        assertThat(bob.get("messages").findValuesAsText("text"))
                .containsExactly("needle in the open", "needle behind a door", "needle in the dark");
        assertThat(carolSecret.status()).isEqualTo(404);
        assertThat(carolClosed.status()).isEqualTo(403);
        assertThat(carolScoped.status()).isEqualTo(404);
    }

    @Test
    void roomHistoryPagesBackwardsByMessageId() {
        UUID roomId = room("Paged", Privacy.OPEN, Set.of());
        MessageRepository messages = new MessageRepository(server.databases().databases().content(),
                MessageStoreConfig.defaults());
        for (int i = 1; i <= 5; i++) {
            messages.append(roomId, WebTestServer.BOB, "m" + i, false, null, Instant.parse("2030-01-01T09:00:00Z"));
        }

        JsonNode last = http.get("/api/rooms/" + roomId + "/messages?limit=2", as(WebTestServer.CAROL)).json();
        JsonNode older = http.get("/api/rooms/" + roomId + "/messages?limit=2&before=" + last.get("before").asLong(),
                as(WebTestServer.CAROL)).json();

        assertThat(last.get("messages").findValuesAsText("text")).containsExactly("m4", "m5");
        assertThat(older.get("messages").findValuesAsText("text")).containsExactly("m2", "m3");
        assertThat(older.get("complete").asBoolean()).isFalse();
    }

    @Test
    void requestWithoutCredentialsIs401ProblemWithChallenge() {
        Reply refused = http.get("/api/rooms", Map.of());

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.header("WWW-Authenticate")).contains("Basic").contains("Bearer");
        assertThat(refused.json().get("type").asText()).isEqualTo("urn:pchat:problem:unauthorized");
    }

    @Test
    void wrongPasswordIs401() {
        String basic = "Basic " + java.util.Base64.getEncoder().encodeToString("alice@example.com:nope".getBytes());

        Reply refused = http.get("/api/me", Map.of("Authorization", basic));

        assertThat(refused.status()).isEqualTo(401);
    }

    @Test
    void bearerTokenFromApiTokensAuthenticatesUntilRevoked_rfc6750() {
        Reply issued = http.json("POST", "/api/tokens", Map.of("user", "alice@example.com",
                "password", WebTestServer.PASSWORD), Map.of());
        Map<String, String> bearer = Map.of("Authorization", "Bearer " + issued.json().get("token").asText());

        Reply me = http.get("/api/me", bearer);
        Reply revoked = http.delete("/api/tokens", bearer);
        Reply after = http.get("/api/me", bearer);

        assertThat(issued.status()).isEqualTo(201);
        assertThat(me.json().get("uri").asText()).isEqualTo(WebTestServer.ALICE);
        assertThat(me.json().get("canCreateRooms").asBoolean()).isTrue();
        assertThat(revoked.status()).isEqualTo(204);
        assertThat(after.status()).isEqualTo(401);
    }

    private static UUID room(String name, Privacy privacy, Set<String> members) {
        return server.directory().newRoom(RoomSpec.of(name, "Eng").withPrivacy(privacy).withMembers(members))
                .room().id();
    }

    private static Map<String, String> admin() {
        return WebTestServer.as(WebTestServer.ADMIN);
    }

    private static Map<String, String> as(String user) {
        return WebTestServer.as(user);
    }
}
