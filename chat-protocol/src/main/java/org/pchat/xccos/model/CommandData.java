package org.pchat.xccos.model;

/**
 * The typed {@code cmd/data} of one command (xccos.md §4). Each known command has its own record; any other
 * command id parses to {@link UnknownCommandData} so the server can still answer it with an error.
 */
public sealed interface CommandData permits RequestUriData, GetServerInfoData, GetInvitationsData,
        GetPreferencesData, SetPreferencesData, JoinData, BatchJoinData, PartData, ChannelSearchData, BackchatData,
        CreateChildPermissionData, FileTokenData, UnknownCommandData {

    /** The {@code cmd/@id} this data belongs to. */
    String wireId();

    /** Calls the visitor method for this data's type. */
    <R> R accept(Visitor<R> visitor);

    /**
     * One method per command; a compile error appears in every visitor when a command is added.
     *
     * @param <R> the result type
     */
    interface Visitor<R> {
        R requestUri(RequestUriData data);

        R getServerInfo(GetServerInfoData data);

        R getInvitations(GetInvitationsData data);

        R getPreferences(GetPreferencesData data);

        R setPreferences(SetPreferencesData data);

        R join(JoinData data);

        R batchJoin(BatchJoinData data);

        R part(PartData data);

        R channelSearch(ChannelSearchData data);

        R backchat(BackchatData data);

        R createChildPermission(CreateChildPermissionData data);

        R fileToken(FileTokenData data);

        R unknown(UnknownCommandData data);
    }
}
