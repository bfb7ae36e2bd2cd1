package org.pchat.xccos.model;

/** The direction of a file token request (xccos.md §4.11), owning its command id. */
public enum FileTransfer {
    /** {@code cmd:getfutok}. */
    UPLOAD(CommandId.GETFUTOK),
    /** {@code cmd:getfdtok}. */
    DOWNLOAD(CommandId.GETFDTOK);

    private final CommandId commandId;

    FileTransfer(CommandId commandId) {
        this.commandId = commandId;
    }

    /** The command requesting this kind of token. */
    public CommandId commandId() {
        return commandId;
    }
}
