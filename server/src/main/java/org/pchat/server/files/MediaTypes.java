package org.pchat.server.files;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The content type recorded for an uploaded file: the request's {@code Content-Type} reduced to
 * {@code type/subtype} (RFC 9110 §8.3.1 syntax), lower case. A form or multipart body is refused, since it
 * would store the form encoding instead of the file, and so is anything that is not a media type.
 */
public final class MediaTypes {

    /** What a file without a declared type is stored as. */
    public static final String DEFAULT = "application/octet-stream";

    private static final String TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]{1,63}";
    private static final Pattern MEDIA_TYPE = Pattern.compile("(" + TOKEN + ")/(" + TOKEN + ")\\s*(;.*)?");
    private static final Set<String> REFUSED_TYPES = Set.of("multipart");
    private static final Set<String> REFUSED = Set.of("application/x-www-form-urlencoded");

    private MediaTypes() {
    }

    /**
     * The media type to record for a declared content type; {@link #DEFAULT} when none was declared.
     *
     * @throws FileException UNSUPPORTED_TYPE naming the value when it is malformed, a form or multipart type
     */
    public static String forUpload(String declared) {
        if (declared == null || declared.isBlank()) {
            return DEFAULT;
        }
        Matcher m = MEDIA_TYPE.matcher(declared.strip());
        if (!m.matches()) {
            throw new FileException(FileException.Kind.UNSUPPORTED_TYPE, "content type '"
                    + FileNames.abbreviate(declared) + "' is not a media type of the form type/subtype");
        }
        String type = m.group(1).toLowerCase(Locale.ROOT);
        String mediaType = type + "/" + m.group(2).toLowerCase(Locale.ROOT);
        if (REFUSED_TYPES.contains(type) || REFUSED.contains(mediaType)) {
            throw new FileException(FileException.Kind.UNSUPPORTED_TYPE, "content type '" + mediaType
                    + "' is a form encoding: send the file's bytes as the body with the file's own type");
        }
        return mediaType;
    }

    /** A media type for a file known only by name (chunked uploads): a few common ones, else {@link #DEFAULT}. */
    public static String byName(String fileName) {
        return switch (FileNames.extensionOf(fileName)) {
            case "txt", "log" -> "text/plain";
            case "pdf" -> "application/pdf";
            case "png" -> "image/png";
            case "jpg", "jpeg" -> "image/jpeg";
            case "gif" -> "image/gif";
            case "zip" -> "application/zip";
            case "docx" -> "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
            case "xlsx" -> "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
            case "pptx" -> "application/vnd.openxmlformats-officedocument.presentationml.presentation";
            default -> DEFAULT;
        };
    }
}
