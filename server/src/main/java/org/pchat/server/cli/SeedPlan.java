package org.pchat.server.cli;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The load model {@code seed-model} writes: users {@code sip:<prefix><i>@<domain>} and the rooms of the Lync
 * capacity-planning model scaled to the user count, plus the optional hot and history rooms. Pure computation,
 * no I/O but {@link #writeModel(Writer)}.
 *
 * <p>Per 80,000 users the model has 32,000 small rooms of 30, 1,067 medium rooms of 150 and 10 large rooms of
 * 16,000; each user is in 12 small, 2 medium and 2 large rooms; 1 % of the small and medium rooms and half the
 * large ones are auditoriums. For N users a class of size S and k rooms per user gets {@code min(S, N)} seats per
 * room and {@code max(k, ceil(N k / size))} rooms; seat {@code j = u k + i} ({@code i < k}) of user u is in room
 * {@code j mod rooms}, so a user's k rooms are distinct and every room is filled evenly. The presenters of an
 * auditorium are the users of its first {@value #PRESENTERS} seats.
 *
 * @param users        number of users (at least 1)
 * @param domain       SIP domain of the users and rooms
 * @param userPrefix   user part prefix, e.g. {@code load} gives {@code sip:load0@domain}
 * @param classes      the room classes; the model's three by default
 * @param hotRoomUsers users 0..n-1 in one extra room {@code <prefix>-hot}; 0 for none
 * @param historyMessages messages stored in one extra room {@code <prefix>-history}; 0 for none
 */
record SeedPlan(int users, String domain, String userPrefix, List<RoomClass> classes, int hotRoomUsers,
        long historyMessages) {

    /** Seats of an auditorium that hold its presenters. */
    static final int PRESENTERS = 3;

    /**
     * One size class of the model.
     *
     * @param name              small, medium or large
     * @param size              users per room in the full model
     * @param roomsPerUser      rooms of this class each user is in
     * @param auditoriumPercent share of the class's rooms that are auditoriums
     */
    record RoomClass(String name, int size, int roomsPerUser, int auditoriumPercent) {
    }

    /** One room of the plan. */
    record PlannedRoom(int index, UUID id, String name, String roomClass, boolean auditorium,
            List<Integer> presenters) {
    }

    /** The Lync capacity-planning model's three classes. */
    static List<RoomClass> lyncModel() {
        return List.of(new RoomClass("small", 30, 12, 1), new RoomClass("medium", 150, 2, 1),
                new RoomClass("large", 16_000, 2, 50));
    }

    SeedPlan {
        if (users < 1) {
            throw new UsageException("seed-model --users " + users + " must be at least 1");
        }
        if (hotRoomUsers < 0 || hotRoomUsers > users) {
            throw new UsageException("seed-model --hot-room-users " + hotRoomUsers + " must be between 0 and --users "
                    + users);
        }
        if (historyMessages < 0) {
            throw new UsageException("seed-model --history-messages " + historyMessages + " must not be negative");
        }
        classes = List.copyOf(classes);
    }

    String userUri(int index) {
        return "sip:" + userPrefix + index + "@" + domain;
    }

    /** Seats per room of a class. */
    int seatsPerRoom(RoomClass c) {
        return Math.min(c.size(), users);
    }

    /** Rooms of a class. */
    int roomCount(RoomClass c) {
        long seats = (long) users * c.roomsPerUser();
        return (int) Math.max(c.roomsPerUser(), (seats + seatsPerRoom(c) - 1) / seatsPerRoom(c));
    }

    /** Every model room, class after class, then the hot and the history room; ids are random. */
    List<PlannedRoom> rooms() {
        List<PlannedRoom> rooms = new ArrayList<>();
        for (RoomClass c : classes) {
            int count = roomCount(c);
            for (int r = 0; r < count; r++) {
                boolean auditorium = isAuditorium(c, r);
                List<Integer> presenters = new ArrayList<>();
                if (auditorium) {
                    for (int seat = r; seat < (long) users * c.roomsPerUser() && presenters.size() < PRESENTERS;
                            seat += count) {
                        presenters.add(seat / c.roomsPerUser());
                    }
                }
                rooms.add(new PlannedRoom(rooms.size(), UUID.randomUUID(), userPrefix + "-" + c.name() + "-" + r,
                        c.name(), auditorium, List.copyOf(presenters)));
            }
        }
        if (hotRoomUsers > 0) {
            rooms.add(new PlannedRoom(rooms.size(), UUID.randomUUID(), userPrefix + "-hot", "hot", false, List.of()));
        }
        if (historyMessages > 0) {
            rooms.add(new PlannedRoom(rooms.size(), UUID.randomUUID(), userPrefix + "-history", "history", false,
                    List.of()));
        }
        return rooms;
    }

    /** A class's auditoriums are spread evenly: room r is one when its percentile bucket changes at r. */
    static boolean isAuditorium(RoomClass c, int r) {
        return ((long) (r + 1) * c.auditoriumPercent()) / 100 != ((long) r * c.auditoriumPercent()) / 100;
    }

    /** Indexes (in {@link #rooms()}) of the model rooms user {@code u} is in, class after class. */
    int[] roomsOf(int u) {
        int total = classes.stream().mapToInt(RoomClass::roomsPerUser).sum();
        int[] result = new int[total];
        int base = 0;
        int n = 0;
        for (RoomClass c : classes) {
            int count = roomCount(c);
            for (int i = 0; i < c.roomsPerUser(); i++) {
                result[n++] = base + (int) (((long) u * c.roomsPerUser() + i) % count);
            }
            base += count;
        }
        return result;
    }

    /**
     * The model file the load driver reads (tab-separated, one record a line): {@code model}, {@code domain},
     * {@code users} (count, prefix), {@code room} (index, id, name, class, auditorium, presenter user indexes),
     * {@code member} (user index, room indexes).
     */
    void writeModel(Writer out, List<PlannedRoom> rooms) throws IOException {
        out.write("model\tpchat-load\t1\n");
        out.write("domain\t" + domain + "\n");
        out.write("users\t" + users + "\t" + userPrefix + "\n");
        for (PlannedRoom room : rooms) {
            StringBuilder presenters = new StringBuilder();
            room.presenters().forEach(p -> presenters.append(presenters.length() == 0 ? "" : ",").append(p));
            out.write("room\t" + room.index() + "\t" + room.id() + "\t" + room.name() + "\t" + room.roomClass() + "\t"
                    + (room.auditorium() ? 1 : 0) + "\t" + presenters + "\n");
        }
        StringBuilder line = new StringBuilder();
        for (int u = 0; u < users; u++) {
            line.setLength(0);
            line.append("member\t").append(u).append('\t');
            int[] of = roomsOf(u);
            for (int i = 0; i < of.length; i++) {
                line.append(i == 0 ? "" : ",").append(of[i]);
            }
            out.write(line.append('\n').toString());
        }
    }
}
