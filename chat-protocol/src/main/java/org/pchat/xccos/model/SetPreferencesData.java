package org.pchat.xccos.model;

import java.util.List;

/**
 * {@code cmd:setpref}: store per-user preferences (xccos.md §4.3).
 *
 * @param preferences the {@code pref} elements to store, each with its base64 content
 */
public record SetPreferencesData(List<Preference> preferences) implements CommandData {

    public SetPreferencesData {
        preferences = List.copyOf(preferences);
    }

    @Override
    public String wireId() {
        return CommandId.SETPREF.wireId();
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.setPreferences(this);
    }
}
