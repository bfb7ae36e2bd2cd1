package org.pchat.xccos.model;

/**
 * A direct child of {@code <xccos>} (xccos.md §3.1): a client command, a server reply, a server notice or a chat
 * message. Dispatch with {@link #accept(Visitor)}, which the compiler keeps exhaustive.
 */
public sealed interface XccosElement permits Command, Reply, Notice, GroupChat {

    /** The element's {@code seqid}. */
    String seqId();

    /** Calls the visitor method for this element's type. */
    <R> R accept(Visitor<R> visitor);

    /**
     * One method per element type.
     *
     * @param <R> the result type
     */
    interface Visitor<R> {
        R command(Command command);

        R reply(Reply reply);

        R notice(Notice notice);

        R groupChat(GroupChat groupChat);
    }
}
