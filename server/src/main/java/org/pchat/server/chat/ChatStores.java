package org.pchat.server.chat;

import java.util.Objects;
import org.jooq.DSLContext;
import org.pchat.server.rooms.DirectoryConfig;
import org.pchat.server.rooms.RoomDirectory;
import org.pchat.server.store.InvitationRepository;
import org.pchat.server.store.MessageRepository;
import org.pchat.server.store.MessageStoreConfig;
import org.pchat.server.store.PreferenceRepository;
import org.pchat.server.store.UserRepository;

/**
 * The content database as the chat core uses it: the transaction entry point and the repositories.
 *
 * @param content     jOOQ on the content database (transactions start here)
 * @param directory   the read side of rooms and categories
 * @param messages    room history
 * @param preferences per-user preferences
 * @param invitations pending invitations
 * @param users       user accounts (admin flag)
 */
public record ChatStores(DSLContext content, RoomDirectory directory, MessageRepository messages,
        PreferenceRepository preferences, InvitationRepository invitations, UserRepository users) {

    public ChatStores {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(messages, "messages");
        Objects.requireNonNull(preferences, "preferences");
        Objects.requireNonNull(invitations, "invitations");
        Objects.requireNonNull(users, "users");
    }

    /** Every repository on the one content database. */
    public static ChatStores of(DSLContext content, DirectoryConfig directory, MessageStoreConfig messages) {
        return new ChatStores(content, new RoomDirectory(content, directory), new MessageRepository(content, messages),
                new PreferenceRepository(content), new InvitationRepository(content), new UserRepository(content));
    }
}
