package org.pchat.server.web.api;

import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.pchat.server.domain.Category;
import org.pchat.server.domain.ChatMessage;
import org.pchat.server.domain.Principal;
import org.pchat.server.domain.RoomDetails;
import org.pchat.server.domain.RoomRoles;
import org.pchat.server.domain.StoredFile;
import org.pchat.server.domain.User;
import org.pchat.server.files.FileLinks;
import org.pchat.server.rooms.AccessPolicy;

/** The JSON documents the API answers with (the schemas of {@code /openapi.json}). */
public final class ApiViews {

    private ApiViews() {
    }

    /** The caller. */
    public record MeView(String uri, String displayName, boolean admin, boolean canCreateRooms) {
    }

    /** A new bearer token. */
    public record TokenView(String token, String tokenType, String expiresAt, String user) {
        @Override
        public String toString() {
            return "TokenView[token=***, expiresAt=" + expiresAt + ", user=" + user + "]";
        }
    }

    /** A category. */
    public record CategoryView(UUID id, String uri, String name, String description, List<String> allowed,
            List<String> denied, List<String> creators, boolean invitations, boolean fileUpload, boolean chatHistory,
            boolean canCreateRooms) {

        static CategoryView of(Category c, String sipDomain, User caller) {
            return new CategoryView(c.id(), "ma-cat://" + sipDomain + "/" + c.id(), c.name(), c.description(),
                    formatted(c.allowed()), formatted(c.denied()), formatted(c.creators()), c.invitations(),
                    c.fileUpload(), c.chatHistory(), AccessPolicy.canCreateIn(caller, c));
        }

        private static List<String> formatted(java.util.Set<Principal> principals) {
            return principals.stream().map(Principal::format).toList();
        }
    }

    /** The role lists of a room. */
    public record RolesView(List<String> members, List<String> managers, List<String> presenters) {
        static RolesView of(RoomRoles roles) {
            return new RolesView(List.copyOf(roles.members()), List.copyOf(roles.managers()),
                    List.copyOf(roles.presenters()));
        }
    }

    /** A room; {@code roles} only for callers who may enter or manage it. */
    public record RoomView(UUID id, String uri, String name, String description, String topic, UUID categoryId,
            String categoryName, String privacy, String type, boolean disabled, String invitations, String addinUrl,
            RolesView roles, boolean canManage, boolean canJoin, boolean canPost) {

        static RoomView of(RoomDetails d, String sipDomain, User caller) {
            boolean manage = AccessPolicy.canManage(caller, d);
            boolean join = AccessPolicy.canJoin(caller.uri(), d);
            return new RoomView(d.room().id(), "ma-chan://" + sipDomain + "/" + d.room().id(), d.room().name(),
                    d.room().description(), d.room().topic(), d.category().id(), d.category().name(),
                    d.room().privacy().text(), d.room().type().text(), d.room().disabled(),
                    d.room().invitations().text(), d.room().addinUrl(),
                    manage || join ? RolesView.of(d.roles()) : null, manage, join,
                    AccessPolicy.canPost(caller.uri(), d));
        }
    }

    /** A stored message. */
    public record MessageView(long id, UUID roomId, long seq, String author, String receivedAt, String text,
            boolean alert) {
        static MessageView of(ChatMessage m) {
            return new MessageView(m.id(), m.roomId(), m.seq(), m.authorUri(), m.receivedAt().toString(), m.text(),
                    m.alert());
        }
    }

    /**
     * One page of messages, oldest first. {@code before} and {@code after} are the ids to page on with; both
     * absent when the page is empty.
     */
    public record MessagePageView(List<MessageView> messages, boolean complete, Long before, Long after) {
        static MessagePageView of(List<ChatMessage> messages, boolean complete) {
            List<MessageView> views = messages.stream().map(MessageView::of).toList();
            Long first = views.isEmpty() ? null : views.get(0).id();
            Long last = views.isEmpty() ? null : views.get(views.size() - 1).id();
            return new MessagePageView(views, complete, first, last);
        }
    }

    /** A stored file with its download URL and its chat link. */
    public record FileView(String name, String originalName, long size, String contentType, String sha256,
            String uploader, String uploadedAt, UUID roomId, String url, String link) {
        /**
         * @param publicUrl the server's public URL (ending with a slash)
         */
        public static FileView of(StoredFile f, URI publicUrl, String sipDomain) {
            return new FileView(f.storedName(), f.originalName(), f.sizeBytes(), f.contentType(), f.sha256(),
                    f.uploaderUri(), f.uploadedAt().toString(), f.roomId(),
                    FileLinks.httpUrl(publicUrl, f.roomId(), f.storedName()).toString(),
                    FileLinks.maFileLink(sipDomain, f.roomId(), f.storedName()));
        }
    }
}
