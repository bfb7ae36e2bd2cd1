package org.pchat.xccos.model;

import java.util.Objects;

/**
 * {@code cmd:getfutok} / {@code cmd:getfdtok} with {@code <ftdb channelUri="…" fileUrl="…"/>} (xccos.md §4.11).
 * Both are answered by {@code rpl:getftok} carrying a {@link FileToken}.
 *
 * @param transfer upload or download
 * @param channel  {@code ftdb/@channelUri}, the room
 * @param fileUrl  {@code ftdb/@fileUrl}: the file name to upload, or the "save as" name of a download
 */
public record FileTokenData(FileTransfer transfer, ChanUri channel, String fileUrl) implements CommandData {

    /** The element name of the request block. */
    public static final String ELEMENT = "ftdb";

    public FileTokenData {
        Objects.requireNonNull(transfer, "transfer");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(fileUrl, "fileUrl");
    }

    @Override
    public String wireId() {
        return transfer.commandId().wireId();
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.fileToken(this);
    }
}
