package org.pchat.xccos.model;

import java.util.Objects;

/**
 * The token of {@code rpl:getftok}: {@code <token token="<guid>" serveruri="https://…/MGCWebService.asmx"/>}
 * (xccos.md §3.3, §4.11). The token authorizes file web-service calls for one (user, room, action).
 *
 * @param token     the token, a GUID on Lync
 * @param serverUri the file web-service URL
 */
public record FileToken(String token, String serverUri) implements DataBlock {

    /** The element name. */
    public static final String ELEMENT = "token";

    public FileToken {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(serverUri, "serverUri");
        if (token.isBlank()) {
            throw new IllegalArgumentException("file token is blank");
        }
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.fileToken(this);
    }

    /** Masks the token: it is a credential. */
    @Override
    public String toString() {
        return "FileToken[token=***, serverUri=" + serverUri + "]";
    }
}
