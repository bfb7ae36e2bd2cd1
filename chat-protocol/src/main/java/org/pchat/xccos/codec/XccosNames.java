package org.pchat.xccos.codec;

/** Wire names shared by the reader and the writer that no model type owns. */
final class XccosNames {

    /** The {@code data} wrapper of commands, replies and notices. */
    static final String DATA = "data";
    /** The {@code id} attribute. */
    static final String ID = "id";
    /** The {@code seqid} attribute. */
    static final String SEQ_ID = "seqid";
    /** This server's message-id attribute on {@code grpchat}/{@code msg} (real name unknown, xccos.md §5.3). */
    static final String MESSAGE_ID = "msgid";
    /** This server's alert attribute on {@code grpchat}/{@code msg} (real name unknown, xccos.md §5.3). */
    static final String ALERT = "alert";
    /** The {@code id} value of {@code grpchat} and history {@code msg}. */
    static final String GRPCHAT_ID = "grpchat";

    private XccosNames() {
    }
}
