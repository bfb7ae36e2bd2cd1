package org.pchat.xccos.model;

/**
 * An info block inside the {@code <data>} of a reply or notice (xccos.md §4): {@code uib}, {@code chanib},
 * {@code fib}, {@code sib}, {@code pref}, {@code inv} or {@code token}.
 */
public sealed interface DataBlock permits UserInfo, ChannelInfo, FailureInfo, ServerInfo, Preference, Invitation,
        FileToken {

    /** Calls the visitor method for this block's type. */
    <R> R accept(Visitor<R> visitor);

    /**
     * One method per block type.
     *
     * @param <R> the result type
     */
    interface Visitor<R> {
        R userInfo(UserInfo block);

        R channelInfo(ChannelInfo block);

        R failureInfo(FailureInfo block);

        R serverInfo(ServerInfo block);

        R preference(Preference block);

        R invitation(Invitation block);

        R fileToken(FileToken block);
    }
}
