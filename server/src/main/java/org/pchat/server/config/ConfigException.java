package org.pchat.server.config;

/**
 * A configuration value was rejected. The message is one line that names the key, the value seen,
 * what is allowed and where the value came from.
 */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
