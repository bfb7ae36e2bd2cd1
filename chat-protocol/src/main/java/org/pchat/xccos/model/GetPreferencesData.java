package org.pchat.xccos.model;

import java.util.List;

/**
 * {@code cmd:getpref}: read per-user preferences by label (xccos.md §4.3).
 *
 * @param preferences the requested {@code pref} elements (label, version, createdefault)
 */
public record GetPreferencesData(List<Preference> preferences) implements CommandData {

    public GetPreferencesData {
        preferences = List.copyOf(preferences);
    }

    @Override
    public String wireId() {
        return CommandId.GETPREF.wireId();
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.getPreferences(this);
    }
}
