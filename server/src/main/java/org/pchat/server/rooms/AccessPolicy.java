package org.pchat.server.rooms;

import org.pchat.server.domain.Category;
import org.pchat.server.domain.Privacy;
import org.pchat.server.domain.Room;
import org.pchat.server.domain.RoomDetails;
import org.pchat.server.domain.RoomRole;
import org.pchat.server.domain.RoomRoles;
import org.pchat.server.domain.RoomType;
import org.pchat.server.domain.User;
import org.pchat.server.domain.UserUris;

/**
 * The room model's access rules (ARCHITECTURE.md §5, xccos.md §7) as pure functions, the same
 * on every path (SIP, XMPP, HTTP, search, history, files).
 *
 * <ul>
 *   <li>Scope: a user is in a category's scope when an allowed principal includes them and no
 *       denied principal does (denied beats allowed). Every right below requires scope.</li>
 *   <li>See: open and closed rooms are visible to everyone in scope; secret rooms only to
 *       their members and managers.</li>
 *   <li>Join: not disabled; open rooms anyone in scope, closed and secret rooms members only
 *       (a manager who is not a member may see and manage but not join).</li>
 *   <li>Post: may join; in an auditorium only presenters.</li>
 *   <li>Read history: may join, and the category keeps chat history.</li>
 *   <li>Manage: pool administrators, and managers in scope.</li>
 *   <li>Create in a category: pool administrators, and creators in scope.</li>
 * </ul>
 */
public final class AccessPolicy {

    private AccessPolicy() {
    }

    /** Whether the user is within the category's allowed principals and not denied. */
    public static boolean isInScope(String userUri, Category category) {
        return category.inScope(UserUris.normalize(userUri));
    }

    /** Whether the room shows up for the user (search, disco, room lists). */
    public static boolean canSee(String userUri, Room room, Category category, RoomRoles roles) {
        String uri = UserUris.normalize(userUri);
        if (!category.inScope(uri)) {
            return false;
        }
        return switch (room.privacy()) {
            case OPEN, CLOSED -> true;
            case SECRET -> roles.has(RoomRole.MEMBER, uri) || roles.has(RoomRole.MANAGER, uri);
        };
    }

    /** Whether the user may enter the room. */
    public static boolean canJoin(String userUri, Room room, Category category, RoomRoles roles) {
        String uri = UserUris.normalize(userUri);
        if (room.disabled() || !category.inScope(uri)) {
            return false;
        }
        return room.privacy() == Privacy.OPEN || roles.has(RoomRole.MEMBER, uri);
    }

    /** Whether the user may post in the room. */
    public static boolean canPost(String userUri, Room room, Category category, RoomRoles roles) {
        if (!canJoin(userUri, room, category, roles)) {
            return false;
        }
        return switch (room.type()) {
            case NORMAL -> true;
            case AUDITORIUM -> roles.has(RoomRole.PRESENTER, UserUris.normalize(userUri));
        };
    }

    /** Whether the user may read the room's history. */
    public static boolean canReadHistory(String userUri, Room room, Category category, RoomRoles roles) {
        return category.chatHistory() && canJoin(userUri, room, category, roles);
    }

    /** Whether the user may edit the room's properties and role lists. */
    public static boolean canManage(User user, Room room, Category category, RoomRoles roles) {
        return user.admin() || (roles.has(RoomRole.MANAGER, user.uri()) && category.inScope(user.uri()));
    }

    /** Whether the user may create rooms in the category. */
    public static boolean canCreateIn(User user, Category category) {
        return user.admin() || (category.listsCreator(user.uri()) && category.inScope(user.uri()));
    }

    /** {@link #canSee(String, Room, Category, RoomRoles)} on a {@link RoomDetails}. */
    public static boolean canSee(String userUri, RoomDetails room) {
        return canSee(userUri, room.room(), room.category(), room.roles());
    }

    /** {@link #canJoin(String, Room, Category, RoomRoles)} on a {@link RoomDetails}. */
    public static boolean canJoin(String userUri, RoomDetails room) {
        return canJoin(userUri, room.room(), room.category(), room.roles());
    }

    /** {@link #canPost(String, Room, Category, RoomRoles)} on a {@link RoomDetails}. */
    public static boolean canPost(String userUri, RoomDetails room) {
        return canPost(userUri, room.room(), room.category(), room.roles());
    }

    /** {@link #canReadHistory(String, Room, Category, RoomRoles)} on a {@link RoomDetails}. */
    public static boolean canReadHistory(String userUri, RoomDetails room) {
        return canReadHistory(userUri, room.room(), room.category(), room.roles());
    }

    /** {@link #canManage(User, Room, Category, RoomRoles)} on a {@link RoomDetails}. */
    public static boolean canManage(User user, RoomDetails room) {
        return canManage(user, room.room(), room.category(), room.roles());
    }

    /** Whether posts in this room type are restricted to presenters. */
    public static boolean presentersOnly(Room room) {
        return room.type() == RoomType.AUDITORIUM;
    }
}
