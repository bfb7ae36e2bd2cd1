package org.pchat.server.web.page;

import io.javalin.http.Context;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.pchat.server.domain.RoomDetails;
import org.pchat.server.web.api.ApiInputs.RoomInput;
import org.pchat.server.web.api.ApiInputs.RoomPatch;
import org.pchat.server.web.http.ApiException;

/**
 * The values of the room form as typed (so a refused form is shown again unchanged), read from a POST or from a
 * stored room. Role lists are one user URI per line (commas, semicolons and blanks also separate).
 */
record RoomForm(String name, String categoryId, String description, String topic, String privacy, String type,
        String members, String managers, String presenters) {

    static RoomForm empty(String managers) {
        return new RoomForm("", "", "", "", "closed", "normal", "", managers, "");
    }

    static RoomForm of(RoomDetails room) {
        return new RoomForm(room.room().name(), room.category().id().toString(), room.room().description(),
                room.room().topic(), room.room().privacy().text(), room.room().type().text(),
                String.join("\n", room.roles().members()), String.join("\n", room.roles().managers()),
                String.join("\n", room.roles().presenters()));
    }

    static RoomForm read(Context ctx) {
        return new RoomForm(field(ctx, "name"), field(ctx, "categoryId"), field(ctx, "description"),
                field(ctx, "topic"), field(ctx, "privacy"), field(ctx, "type"), field(ctx, "members"),
                field(ctx, "managers"), field(ctx, "presenters"));
    }

    RoomInput toInput() {
        return new RoomInput(name, categoryUuid(), description, topic, privacy, type, users(members),
                users(managers), users(presenters), null, null);
    }

    RoomPatch toPatch() {
        return new RoomPatch(name, null, description, topic, privacy, type, users(members), users(managers),
                users(presenters), null, null, null);
    }

    Map<String, Object> model() {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("name", name);
        model.put("description", description);
        model.put("topic", topic);
        model.put("members", members);
        model.put("managers", managers);
        model.put("presenters", presenters);
        return model;
    }

    private UUID categoryUuid() {
        try {
            return categoryId.isBlank() ? null : UUID.fromString(categoryId);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("categoryId", "category '" + categoryId + "' is not a category id");
        }
    }

    private static List<String> users(String text) {
        return Arrays.stream(text.split("[\\s,;]+")).filter(s -> !s.isBlank()).toList();
    }

    private static String field(Context ctx, String name) {
        String value = ctx.formParam(name);
        return value == null ? "" : value;
    }
}
