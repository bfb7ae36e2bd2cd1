package org.pchat.server.config;

import java.nio.file.Path;
import java.util.Objects;

/** Where an effective configuration value came from, from weakest to strongest. */
public sealed interface Origin {

    /** Human-readable description, used in the effective-config log and in error messages. */
    String describe();

    /** Not set anywhere, and the key has no default. */
    record Unset() implements Origin {
        @Override
        public String describe() {
            return "not set";
        }
    }

    /** The built-in default of the key. */
    record Default() implements Origin {
        @Override
        public String describe() {
            return "default";
        }
    }

    /** A default computed from another key, for example database URLs from {@code data.dir}. */
    record Derived(String fromKey) implements Origin {
        public Derived {
            Objects.requireNonNull(fromKey, "fromKey");
        }

        @Override
        public String describe() {
            return "derived from " + fromKey;
        }
    }

    /** A line of the properties file. */
    record File(Path path) implements Origin {
        public File {
            Objects.requireNonNull(path, "path");
        }

        @Override
        public String describe() {
            return "file " + path;
        }
    }

    /** An environment variable. */
    record Environment(String variable) implements Origin {
        public Environment {
            Objects.requireNonNull(variable, "variable");
        }

        @Override
        public String describe() {
            return "environment " + variable;
        }
    }

    /** A command-line flag ({@code --set key=value} or a dedicated flag such as {@code --data-dir}). */
    record Flag(String flag) implements Origin {
        public Flag {
            Objects.requireNonNull(flag, "flag");
        }

        @Override
        public String describe() {
            return "flag " + flag;
        }
    }
}
