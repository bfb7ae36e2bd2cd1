package org.pchat.server.web.page;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The page templates ({@code /web/templates/*.mustache} on the classpath), compiled once. Every {@code {{value}}}
 * is HTML-escaped by the engine; templates never use the unescaped {@code {{{…}}}} form.
 */
public final class Templates {

    private static final String ROOT = "/web/templates/";

    private final Mustache.Compiler compiler;
    private final Map<String, Template> compiled = new ConcurrentHashMap<>();

    /** Loads and compiles the named templates (and the partials they include) now, failing fast when one is missing. */
    public Templates(List<String> names) {
        this.compiler = Mustache.compiler().escapeHTML(true).defaultValue("").emptyStringIsFalse(true).withLoader(Templates::partial);
        for (String name : names) {
            compiled.put(name, compiler.compile(read(name)));
        }
    }

    /** Renders a template with a model of maps, lists and strings. */
    public String render(String name, Map<String, Object> model) {
        Template template = compiled.get(name);
        if (template == null) {
            throw new IllegalArgumentException("no template '" + name + "' (known: " + compiled.keySet() + ")");
        }
        return template.execute(model);
    }

    private static Reader partial(String name) {
        return new StringReader(read(name));
    }

    private static String read(String name) {
        try (InputStream in = Templates.class.getResourceAsStream(ROOT + name + ".mustache")) {
            if (in == null) {
                throw new IllegalStateException("template " + ROOT + name + ".mustache is missing from the jar");
            }
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                StringBuilder text = new StringBuilder();
                char[] buffer = new char[4096];
                int n;
                while ((n = reader.read(buffer)) != -1) {
                    text.append(buffer, 0, n);
                }
                return text.toString();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read template " + name, e);
        }
    }
}
