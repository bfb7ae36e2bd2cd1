package org.pchat.server.xmpp;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.pchat.server.chat.ChatResult;
import org.pchat.server.domain.Privacy;
import org.pchat.server.domain.RoomDetails;
import org.pchat.server.domain.RoomRole;
import org.pchat.server.domain.RoomRoles;
import org.pchat.server.domain.RoomType;
import org.pchat.server.rooms.RoomChange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owner and admin work on rooms (XEP-0045 §9, §10) and room discovery (§6.4, §6.5): the configuration form,
 * destruction, affiliation lists (owner, admin → manager; member → member, and presenter in an auditorium;
 * outcast → a ban kept by this endpoint), role changes (voice → presenter in an auditorium, kick), disco#info
 * and disco#items of a room. Directory changes go through {@link MucDirectory}, so SIP and web see them.
 */
final class MucAdmin {

    private static final Logger LOG = LoggerFactory.getLogger(MucAdmin.class);

    private final XmppEndpointConfig config;
    private final MucService muc;
    private final MucDirectory directory;
    private final MucRenderer render;

    MucAdmin(XmppEndpointConfig config, MucService muc, MucDirectory directory, MucRenderer render) {
        this.config = Objects.requireNonNull(config, "config");
        this.muc = Objects.requireNonNull(muc, "muc");
        this.directory = Objects.requireNonNull(directory, "directory");
        this.render = Objects.requireNonNull(render, "render");
    }

    /** An iq to a room's bare JID; false when it is none of the owner, admin or disco requests. */
    boolean iq(XmppSession session, XmlElement iq, String key, Jid room) {
        XmlElement query = iq.elements().get(0);
        switch (key) {
            case "get " + Namespaces.DISCO_INFO -> info(session, iq, room);
            case "get " + Namespaces.DISCO_ITEMS -> items(session, iq, room);
            case "get " + Namespaces.MUC_OWNER -> withRoom(session, iq, room, MucAffiliation.OWNER,
                    state -> reply(session, iq, room, XmlElement.builder("query", Namespaces.MUC_OWNER)
                            .child(MucConfigForm.render(state)).build()));
            case "set " + Namespaces.MUC_OWNER -> withRoom(session, iq, room, MucAffiliation.OWNER,
                    state -> owner(session, iq, query, room, state));
            case "get " + Namespaces.MUC_ADMIN -> withRoom(session, iq, room, MucAffiliation.ADMIN,
                    state -> list(session, iq, query, room, state));
            case "set " + Namespaces.MUC_ADMIN -> withRoom(session, iq, room, MucAffiliation.NONE,
                    state -> admin(session, iq, query, room, state));
            default -> {
                return false;
            }
        }
        return true;
    }

    /** XEP-0045 §6.6: disco to an occupant JID; refused with bad-request for non-occupants. */
    void occupantIq(XmppSession session, XmlElement iq, Jid target) {
        Optional<MucRoom> room = muc.state(target);
        boolean occupant = room.map(r -> {
            synchronized (r) {
                return r.occupantOf(session).isPresent();
            }
        }).orElse(false);
        String condition = occupant ? "feature-not-implemented" : "bad-request";
        session.send(Stanzas.error(iq, occupant ? "cancel" : "modify", condition, target.toString(),
                session.jid().toString()));
    }

    private void info(XmppSession session, XmlElement iq, Jid target) {
        muc.room(session, target, found -> {
            if (found.isEmpty()) {
                error(session, iq, target, "cancel", "item-not-found");
                return;
            }
            RoomDetails details = found.get();
            Optional<MucRoom> state = muc.state(target);
            String title = details.room().name();
            boolean password = false;
            boolean semiAnonymous = false;
            int occupants = 0;
            if (state.isPresent()) {
                synchronized (state.get()) {
                    state.get().details(details);
                    title = state.get().title();
                    password = !state.get().password().isEmpty();
                    semiAnonymous = !state.get().whoisAnyone();
                    occupants = state.get().size();
                }
            }
            Privacy privacy = details.room().privacy();
            List<String> features = new ArrayList<>(List.of(Namespaces.MUC, Namespaces.STANZA_ID, Namespaces.MAM,
                    "muc_persistent", privacy == Privacy.SECRET ? "muc_hidden" : "muc_public",
                    privacy == Privacy.OPEN ? "muc_open" : "muc_membersonly",
                    details.room().type() == RoomType.AUDITORIUM ? "muc_moderated" : "muc_unmoderated",
                    semiAnonymous ? "muc_semianonymous" : "muc_nonanonymous",
                    password ? "muc_passwordprotected" : "muc_unsecured"));
            XmlElement.Builder query = XmlElement.builder("query", Namespaces.DISCO_INFO)
                    .child(XmlElement.builder("identity", Namespaces.DISCO_INFO)
                            .attr("category", "conference").attr("type", "text").attr("name", title).build());
            features.forEach(f -> query.child(XmlElement.builder("feature", Namespaces.DISCO_INFO)
                    .attr("var", f).build()));
            query.child(XmlElement.builder("x", Namespaces.DATA).attr("type", "result")
                    .child(value("FORM_TYPE", "hidden", "http://jabber.org/protocol/muc#roominfo"))
                    .child(value("muc#roominfo_description", null, details.room().description()))
                    .child(value("muc#roominfo_subject", null, details.room().topic()))
                    .child(value("muc#roominfo_occupants", null, Integer.toString(occupants)))
                    .build());
            reply(session, iq, target, query.build());
        });
    }

    private void items(XmppSession session, XmlElement iq, Jid target) {
        muc.room(session, target, found -> {
            if (found.isEmpty()) {
                error(session, iq, target, "cancel", "item-not-found");
                return;
            }
            XmlElement.Builder query = XmlElement.builder("query", Namespaces.DISCO_ITEMS);
            muc.state(target).ifPresent(state -> {
                synchronized (state) {
                    for (MucOccupant occupant : state.occupants()) {
                        query.child(XmlElement.builder("item", Namespaces.DISCO_ITEMS)
                                .attr("jid", target.bare().withResource(occupant.nick()).toString()).build());
                    }
                }
            });
            reply(session, iq, target, query.build());
        });
    }

    /** Runs {@code then} when the room exists here and the requester's affiliation is at least {@code needed}. */
    private void withRoom(XmppSession session, XmlElement iq, Jid target, MucAffiliation needed,
                          java.util.function.Consumer<MucRoom> then) {
        muc.room(session, target, found -> {
            Optional<MucRoom> state = muc.state(target);
            if (found.isEmpty() || state.isEmpty()) {
                error(session, iq, target, "cancel", "item-not-found");
                return;
            }
            synchronized (state.get()) {
                state.get().details(found.get());
                if (!state.get().affiliation(session.userUri()).atLeast(needed)) {
                    error(session, iq, target, "auth", "forbidden");
                    return;
                }
            }
            then.accept(state.get());
        });
    }

    private void owner(XmppSession session, XmlElement iq, XmlElement query, Jid target, MucRoom room) {
        Optional<XmlElement> destroy = query.child("destroy", Namespaces.MUC_OWNER);
        if (destroy.isPresent()) {
            destroy(session, iq, target, room, destroy.get());
            return;
        }
        Optional<XmlElement> form = query.child("x", Namespaces.DATA);
        if (form.isEmpty()) {
            error(session, iq, target, "modify", "bad-request");
            return;
        }
        if (form.get().attribute("type").orElse("").equals("cancel")) {
            synchronized (room) {
                if (!room.locked()) {
                    reply(session, iq, target, null);
                    return;
                }
            }
            destroy(session, iq, target, room, XmlElement.of("destroy", Namespaces.MUC_OWNER));
            return;
        }
        Map<String, List<String>> answers = MucConfigForm.answers(form.get());
        RoomChange change;
        synchronized (room) {
            RoomDetails current = room.details();
            change = RoomChange.none()
                    .withPrivacy(MucConfigForm.privacy(answers, current.room().privacy()))
                    .withType(MucConfigForm.type(answers, current.room().type()))
                    .withDescription(MucConfigForm.first(answers, "roomdesc").orElse(current.room().description()));
        }
        directory.run("configuration of " + target, () -> directory.directory().setRoom(room.id(), change),
                result -> {
                    if (result instanceof ChatResult.Failed<RoomDetails> failed) {
                        error(session, iq, target, "modify", MucService.condition(failed.error(), "forbidden"));
                        return;
                    }
                    synchronized (room) {
                        room.details(result.value());
                        MucConfigForm.first(answers, "roomname").ifPresent(room::title);
                        MucConfigForm.flag(answers, "changesubject").ifPresent(room::occupantsChangeSubject);
                        MucConfigForm.flag(answers, "allowpm").ifPresent(room::allowPrivateMessages);
                        boolean protect = MucConfigForm.flag(answers, "passwordprotectedroom")
                                .orElse(!room.password().isEmpty());
                        String secret = MucConfigForm.first(answers, "roomsecret").orElse(room.password());
                        room.password(protect ? secret : "");
                        MucConfigForm.first(answers, "whois").ifPresent(w -> room.whoisAnyone(w.equals("anyone")));
                        MucConfigForm.first(answers, "maxusers").ifPresent(m -> room.maxUsers(maxUsers(m)));
                        room.locked(false);
                    }
                    LOG.info("{} - {} configured {}", session.connectionId(), session.jid(), target);
                    reply(session, iq, target, null);
                });
    }

    private static int maxUsers(String value) {
        try {
            return Math.max(0, Integer.parseInt(value));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private void destroy(XmppSession session, XmlElement iq, Jid target, MucRoom room, XmlElement destroy) {
        XmlElement.Builder notice = XmlElement.builder("destroy", Namespaces.MUC_USER)
                .attr("jid", destroy.attribute("jid").orElse(null));
        destroy.child("reason", Namespaces.MUC_OWNER).ifPresent(r -> notice.textChild("reason",
                Namespaces.MUC_USER, r.text()));
        XmlElement extra = notice.build();
        List<MucOccupant> occupants;
        synchronized (room) {
            occupants = room.occupants();
        }
        for (MucOccupant occupant : occupants) {
            muc.remove(room, occupant, List.of(), List.of(extra));
        }
        muc.forget(room);
        directory.run("destruction of " + target, () -> {
            directory.directory().removeRoom(room.id());
            return room.id();
        }, result -> {
            if (result instanceof ChatResult.Failed<?> failed) {
                error(session, iq, target, "cancel", MucService.condition(failed.error(), "forbidden"));
                return;
            }
            LOG.info("{} - {} destroyed {}", session.connectionId(), session.jid(), target);
            reply(session, iq, target, null);
        });
    }

    private void list(XmppSession session, XmlElement iq, XmlElement query, Jid target, MucRoom room) {
        List<XmlElement> asked = query.elements();
        if (asked.size() != 1) {
            error(session, iq, target, "modify", "bad-request");
            return;
        }
        XmlElement.Builder result = XmlElement.builder("query", Namespaces.MUC_ADMIN);
        synchronized (room) {
            Optional<MucAffiliation> affiliation = asked.get(0).attribute("affiliation").flatMap(MucAffiliation::parse);
            Optional<MucRole> role = asked.get(0).attribute("role").flatMap(MucRole::parse);
            if (affiliation.isPresent()) {
                Set<String> users = new HashSet<>(room.details().roles().everyone());
                users.addAll(room.outcasts());
                for (String user : users) {
                    if (room.affiliation(user) == affiliation.get()) {
                        result.child(MucRenderer.item(affiliation.get(), null, render.bareJid(user), null));
                    }
                }
            } else if (role.isPresent()) {
                for (MucOccupant occupant : room.occupants()) {
                    if (occupant.role() == role.get()) {
                        result.child(MucRenderer.item(room.affiliation(occupant.userUri()), role.get(),
                                occupant.jid().toString(), occupant.nick()));
                    }
                }
            } else {
                error(session, iq, target, "modify", "bad-request");
                return;
            }
        }
        reply(session, iq, target, result.build());
    }

    private void admin(XmppSession session, XmlElement iq, XmlElement query, Jid target, MucRoom room) {
        List<XmlElement> items = query.elements().stream().filter(e -> e.name().equals("item")).toList();
        if (items.size() != 1) {
            error(session, iq, target, "modify", "bad-request");
            return;
        }
        XmlElement item = items.get(0);
        Optional<String> reason = item.child("reason", Namespaces.MUC_ADMIN).map(XmlElement::text);
        if (item.attribute("role").isPresent()) {
            role(session, iq, target, room, item, reason);
        } else if (item.attribute("affiliation").isPresent()) {
            affiliation(session, iq, target, room, item);
        } else {
            error(session, iq, target, "modify", "bad-request");
        }
    }

    /** XEP-0045 §8.2-8.5, §9.6-9.7: kick, voice and moderator by nickname. */
    private void role(XmppSession session, XmlElement iq, Jid target, MucRoom room, XmlElement item,
                      Optional<String> reason) {
        Optional<MucRole> role = item.attribute("role").flatMap(MucRole::parse);
        MucOccupant actor;
        MucOccupant subject;
        synchronized (room) {
            actor = room.occupantOf(session).orElse(null);
            subject = item.attribute("nick").flatMap(room::occupant).orElse(null);
            if (role.isEmpty()) {
                error(session, iq, target, "modify", "bad-request");
                return;
            }
            if (actor == null || actor.role() != MucRole.MODERATOR) {
                error(session, iq, target, "auth", "forbidden");
                return;
            }
            if (subject == null) {
                error(session, iq, target, "cancel", "item-not-found");
                return;
            }
            MucAffiliation actorAffiliation = room.affiliation(actor.userUri());
            MucAffiliation subjectAffiliation = room.affiliation(subject.userUri());
            if (subject != actor && subjectAffiliation.atLeast(MucAffiliation.ADMIN)
                    && !actorAffiliation.atLeast(subjectAffiliation) || (subject != actor
                    && subjectAffiliation == MucAffiliation.OWNER)
                    || (role.get() != MucRole.MODERATOR && subjectAffiliation.atLeast(MucAffiliation.ADMIN))) {
                error(session, iq, target, "cancel", "not-allowed");
                return;
            }
        }
        if (role.get() == MucRole.NONE) {
            List<XmlElement> extra = List.of();
            muc.remove(room, subject, List.of("307"), extra);
            reply(session, iq, target, null);
            return;
        }
        boolean voice = role.get() != MucRole.VISITOR;
        boolean presenterChange;
        synchronized (room) {
            presenterChange = room.moderated()
                    && room.details().roles().has(RoomRole.PRESENTER, subject.userUri()) != voice;
        }
        Runnable apply = () -> {
            synchronized (room) {
                subject.role(role.get());
                muc.presences().broadcast(room, subject, true, List.of(), List.of(), null);
            }
            reply(session, iq, target, null);
        };
        if (!presenterChange) {
            apply.run();
            return;
        }
        changeRoles(session, iq, target, room, roles -> with(roles, RoomRole.PRESENTER, subject.userUri(), voice),
                apply);
    }

    /** XEP-0045 §9.3-9.5, §10.3-10.7: affiliation changes by bare JID. */
    private void affiliation(XmppSession session, XmlElement iq, Jid target, MucRoom room, XmlElement item) {
        Optional<MucAffiliation> wanted = item.attribute("affiliation").flatMap(MucAffiliation::parse);
        Optional<Jid> jid = item.attribute("jid").flatMap(Jid::parse);
        if (wanted.isEmpty() || jid.isEmpty() || jid.get().local().isEmpty()) {
            error(session, iq, target, "modify", "bad-request");
            return;
        }
        String user = "sip:" + jid.get().bare();
        MucAffiliation to = wanted.get();
        synchronized (room) {
            MucAffiliation actor = room.affiliation(session.userUri());
            MucAffiliation current = room.affiliation(user);
            boolean ownerOnly = to.atLeast(MucAffiliation.ADMIN) || current.atLeast(MucAffiliation.ADMIN);
            if (!actor.atLeast(MucAffiliation.ADMIN) || (ownerOnly && actor != MucAffiliation.OWNER)) {
                error(session, iq, target, ownerOnly && actor == MucAffiliation.ADMIN ? "cancel" : "auth",
                        ownerOnly && actor == MucAffiliation.ADMIN ? "not-allowed" : "forbidden");
                return;
            }
            if (current == MucAffiliation.OWNER && to != MucAffiliation.OWNER
                    && room.details().roles().managers().stream()
                    .filter(m -> !room.admins().contains(m)).count() <= 1) {
                error(session, iq, target, "cancel", "conflict");
                return;
            }
        }
        boolean moderated;
        synchronized (room) {
            moderated = room.moderated();
        }
        changeRoles(session, iq, target, room, roles -> switch (to) {
            case OWNER, ADMIN -> with(with(with(roles, RoomRole.MANAGER, user, true), RoomRole.MEMBER, user, true),
                    RoomRole.PRESENTER, user, true);
            case MEMBER -> with(with(with(roles, RoomRole.MANAGER, user, false), RoomRole.MEMBER, user, true),
                    RoomRole.PRESENTER, user, moderated || roles.has(RoomRole.PRESENTER, user));
            case NONE, OUTCAST -> with(with(with(roles, RoomRole.MANAGER, user, false), RoomRole.MEMBER, user,
                    false), RoomRole.PRESENTER, user, false);
        }, () -> {
            List<MucOccupant> affected;
            boolean membersOnly;
            synchronized (room) {
                if (to == MucAffiliation.ADMIN) {
                    room.admins().add(user);
                } else {
                    room.admins().remove(user);
                }
                if (to == MucAffiliation.OUTCAST) {
                    room.outcasts().add(user);
                } else {
                    room.outcasts().remove(user);
                }
                affected = room.occupantsOf(user);
                membersOnly = room.details().room().privacy() != Privacy.OPEN;
                for (MucOccupant occupant : affected) {
                    if (to == MucAffiliation.OUTCAST || (to == MucAffiliation.NONE && membersOnly)) {
                        continue;
                    }
                    occupant.role(room.defaultRole(user));
                    muc.presences().broadcast(room, occupant, true, List.of(), List.of(), null);
                }
            }
            for (MucOccupant occupant : affected) {
                if (to == MucAffiliation.OUTCAST) {
                    muc.remove(room, occupant, List.of("301"), List.of());
                } else if (to == MucAffiliation.NONE && membersOnly) {
                    muc.remove(room, occupant, List.of("321"), List.of());
                }
            }
            LOG.info("{} - {} made {} {} of {}", session.connectionId(), session.jid(), jid.get().bare(),
                    to.text(), target);
            reply(session, iq, target, null);
        });
    }

    private void changeRoles(XmppSession session, XmlElement iq, Jid target, MucRoom room,
                             java.util.function.UnaryOperator<RoomRoles> change, Runnable then) {
        RoomRoles next;
        synchronized (room) {
            next = change.apply(room.details().roles());
        }
        RoomChange roomChange = RoomChange.none().withMembers(next.members()).withManagers(next.managers())
                .withPresenters(next.presenters());
        directory.run("role lists of " + target, () -> directory.directory().setRoom(room.id(), roomChange),
                result -> {
                    if (result instanceof ChatResult.Failed<RoomDetails> failed) {
                        error(session, iq, target, "cancel", MucService.condition(failed.error(), "not-allowed"));
                        return;
                    }
                    synchronized (room) {
                        room.details(result.value());
                    }
                    then.run();
                });
    }

    private static RoomRoles with(RoomRoles roles, RoomRole role, String user, boolean holds) {
        Set<String> holders = new HashSet<>(roles.holders(role));
        if (holds) {
            holders.add(user);
        } else {
            holders.remove(user);
        }
        return roles.with(role, holders);
    }

    private static XmlElement value(String var, String type, String value) {
        return XmlElement.builder("field", Namespaces.DATA).attr("var", var).attr("type", type)
                .textChild("value", Namespaces.DATA, value).build();
    }

    private void reply(XmppSession session, XmlElement iq, Jid from, XmlElement payload) {
        session.send(Stanzas.iqResult(iq, from.toString(), payload));
    }

    private void error(XmppSession session, XmlElement iq, Jid from, String type, String condition) {
        session.send(Stanzas.error(iq, type, condition, from.toString(), session.jid().toString()));
    }
}
