package org.pchat.interop.support;

import java.util.ArrayList;
import java.util.List;

/**
 * A category to create with {@code pchat category new}.
 *
 * @param name unique name
 * @param allowed principals in scope ({@code sip:…}, {@code domain:…}, {@code everyone})
 * @param denied principals excluded from scope (denied beats allowed)
 * @param creators principals who may create rooms in it
 */
public record CategoryDef(String name, List<String> allowed, List<String> denied, List<String> creators) {

    public CategoryDef {
        allowed = List.copyOf(allowed);
        denied = List.copyOf(denied);
        creators = List.copyOf(creators);
    }

    /** A category with everyone of {@code domain} in scope. */
    public static CategoryDef forDomain(String name, String domain) {
        return new CategoryDef(name, List.of("domain:" + domain), List.of(), List.of());
    }

    /** This category with these principals allowed (replacing the list). */
    public CategoryDef withAllowed(String... principals) {
        return new CategoryDef(name, List.of(principals), denied, creators);
    }

    /** This category with these principals denied. */
    public CategoryDef withDenied(String... principals) {
        return new CategoryDef(name, allowed, List.of(principals), creators);
    }

    /** This category with these creators. */
    public CategoryDef withCreators(String... principals) {
        return new CategoryDef(name, allowed, denied, List.of(principals));
    }

    /** The CLI arguments after {@code category new}. */
    List<String> arguments() {
        List<String> args = new ArrayList<>(List.of("category", "new", name));
        addList(args, "--allowed", allowed);
        addList(args, "--denied", denied);
        addList(args, "--creators", creators);
        return args;
    }

    static void addList(List<String> args, String option, List<String> values) {
        if (!values.isEmpty()) {
            args.add(option + "=" + String.join(",", values));
        }
    }
}
