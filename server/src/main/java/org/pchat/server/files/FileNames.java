package org.pchat.server.files;

import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Server-generated unique file names ({@code <guid>.<ext>}, the {@code reposFileName} of xccos.md §8.1) and the
 * checks that keep client-supplied names from escaping the store: a stored name is only ever a lower-case GUID
 * with an optional short alphanumeric extension, so it can hold no separator, no {@code ..} and no control
 * character.
 */
public final class FileNames {

    /** Longest extension kept from the uploader's file name. */
    public static final int MAX_EXTENSION_LENGTH = 16;
    /** Longest original (display) file name kept. */
    public static final int MAX_ORIGINAL_NAME_LENGTH = 255;

    private static final Pattern STORED_NAME = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(\\.[a-z0-9]{1," + MAX_EXTENSION_LENGTH + "})?");
    private static final Pattern EXTENSION = Pattern.compile("[a-z0-9]{1," + MAX_EXTENSION_LENGTH + "}");

    private FileNames() {
    }

    /** A new unique stored name keeping the original name's extension when it is short and alphanumeric. */
    public static String unique(String originalName) {
        String extension = extensionOf(originalName);
        String guid = UUID.randomUUID().toString();
        return extension.isEmpty() ? guid : guid + "." + extension;
    }

    /** A new unique stored name with the given extension (with or without the leading dot; empty for none). */
    public static String withExtension(String extension) {
        String ext = extension == null ? "" : extension.strip().toLowerCase(Locale.ROOT);
        if (ext.startsWith(".")) {
            ext = ext.substring(1);
        }
        if (!ext.isEmpty() && !EXTENSION.matcher(ext).matches()) {
            throw new FileException(FileException.Kind.INVALID, "file extension '" + abbreviate(extension)
                    + "' is not 1-" + MAX_EXTENSION_LENGTH + " letters or digits");
        }
        String guid = UUID.randomUUID().toString();
        return ext.isEmpty() ? guid : guid + "." + ext;
    }

    /** Whether {@code name} has the form of a stored name. */
    public static boolean isStoredName(String name) {
        return name != null && STORED_NAME.matcher(name).matches();
    }

    /**
     * Returns {@code name} when it has the form of a stored name.
     *
     * @throws FileException INVALID naming the value otherwise (path traversal attempts end here)
     */
    public static String requireStoredName(String name) {
        if (!isStoredName(name)) {
            throw new FileException(FileException.Kind.INVALID, "file name '" + abbreviate(name)
                    + "' is not a stored file name (<guid>.<ext>)");
        }
        return name;
    }

    /**
     * The uploader's file name made safe to store and show: the last path segment, control characters and
     * quotes removed, at most {@value #MAX_ORIGINAL_NAME_LENGTH} characters; {@code file} when nothing is left.
     */
    public static String displayName(String originalName) {
        String name = originalName == null ? "" : originalName;
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        name = name.substring(slash + 1);
        StringBuilder kept = new StringBuilder(name.length());
        name.codePoints()
                .filter(c -> !Character.isISOControl(c) && c != '"' && Character.getType(c) != Character.FORMAT)
                .forEach(kept::appendCodePoint);
        String cleaned = kept.toString().strip();
        if (cleaned.isEmpty() || cleaned.equals(".") || cleaned.equals("..")) {
            return "file";
        }
        return cleaned.length() > MAX_ORIGINAL_NAME_LENGTH ? cleaned.substring(0, MAX_ORIGINAL_NAME_LENGTH) : cleaned;
    }

    /** The lower-case extension of a file name when it is 1-16 letters or digits, else empty. */
    public static String extensionOf(String fileName) {
        String name = displayName(fileName);
        int dot = name.lastIndexOf('.');
        if (dot <= 0 || dot == name.length() - 1) {
            return "";
        }
        String ext = name.substring(dot + 1).toLowerCase(Locale.ROOT);
        return EXTENSION.matcher(ext).matches() ? ext : "";
    }

    /** A value cut to 80 characters for error messages. */
    static String abbreviate(String value) {
        if (value == null) {
            return "";
        }
        return value.length() <= 80 ? value : value.substring(0, 80) + "…";
    }
}
