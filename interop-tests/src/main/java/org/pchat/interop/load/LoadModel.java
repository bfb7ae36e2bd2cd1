package org.pchat.interop.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The model file {@code pchat seed-model --model-out} writes: the domain, the users, the rooms (id, class,
 * auditorium, presenters) and each user's rooms. Read once; immutable afterwards.
 */
final class LoadModel {

    /** One room of the model. */
    record Room(int index, String guid, String name, String roomClass, boolean auditorium, int[] presenters) {
    }

    private final String domain;
    private final int users;
    private final String prefix;
    private final List<Room> rooms;
    private final int[][] roomsOfUser;
    private final int[][] membersOfRoom;

    private LoadModel(String domain, int users, String prefix, List<Room> rooms, int[][] roomsOfUser) {
        this.domain = domain;
        this.users = users;
        this.prefix = prefix;
        this.rooms = List.copyOf(rooms);
        this.roomsOfUser = roomsOfUser;
        int[] counts = new int[rooms.size()];
        for (int[] of : roomsOfUser) {
            for (int r : of) {
                counts[r]++;
            }
        }
        membersOfRoom = new int[rooms.size()][];
        for (int r = 0; r < counts.length; r++) {
            membersOfRoom[r] = new int[counts[r]];
        }
        int[] fill = new int[rooms.size()];
        for (int u = 0; u < roomsOfUser.length; u++) {
            for (int r : roomsOfUser[u]) {
                membersOfRoom[r][fill[r]++] = u;
            }
        }
    }

    /** Reads a model file; errors name the file and line. */
    static LoadModel read(Path file) throws IOException {
        String domain = null;
        int users = -1;
        String prefix = null;
        List<Room> rooms = new ArrayList<>();
        int[][] roomsOfUser = null;
        int lineNo = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lineNo++;
                String[] f = line.split("\t", -1);
                switch (f[0]) {
                    case "model" -> {
                        if (!f[1].equals("pchat-load") || !f[2].equals("1")) {
                            throw new IOException(file + ":" + lineNo + ": not a pchat-load v1 model file: " + line);
                        }
                    }
                    case "domain" -> domain = f[1];
                    case "users" -> {
                        users = Integer.parseInt(f[1]);
                        prefix = f[2];
                        roomsOfUser = new int[users][];
                    }
                    case "room" -> rooms.add(new Room(Integer.parseInt(f[1]), f[2], f[3], f[4], f[5].equals("1"),
                            ints(f[6])));
                    case "member" -> {
                        if (roomsOfUser == null) {
                            throw new IOException(file + ":" + lineNo + ": member line before the users line");
                        }
                        roomsOfUser[Integer.parseInt(f[1])] = ints(f[2]);
                    }
                    default -> throw new IOException(file + ":" + lineNo + ": unknown record '" + f[0] + "'");
                }
            }
        }
        if (domain == null || roomsOfUser == null) {
            throw new IOException(file + ": no domain or users line; is it a seed-model file?");
        }
        for (int u = 0; u < users; u++) {
            if (roomsOfUser[u] == null) {
                roomsOfUser[u] = new int[0];
            }
        }
        return new LoadModel(domain, users, prefix, rooms, roomsOfUser);
    }

    private static int[] ints(String csv) {
        if (csv.isEmpty()) {
            return new int[0];
        }
        String[] parts = csv.split(",");
        int[] out = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = Integer.parseInt(parts[i]);
        }
        return out;
    }

    String domain() {
        return domain;
    }

    int users() {
        return users;
    }

    String userUri(int u) {
        return "sip:" + prefix + u + "@" + domain;
    }

    List<Room> rooms() {
        return rooms;
    }

    Room room(int index) {
        return rooms.get(index);
    }

    String roomUri(int index) {
        return "ma-chan://" + domain + "/" + rooms.get(index).guid();
    }

    /** The model rooms of a user (not the hot or history room). */
    int[] roomsOf(int user) {
        return roomsOfUser[user];
    }

    /** The model members of a room (empty for the hot and history rooms). */
    int[] membersOf(int room) {
        return membersOfRoom[room];
    }

    /** The index of the first room of a class, or -1. */
    int roomOfClass(String roomClass) {
        for (Room r : rooms) {
            if (r.roomClass().equals(roomClass)) {
                return r.index();
            }
        }
        return -1;
    }

    /** Indexes of the rooms of a class. */
    int[] roomsOfClass(String roomClass) {
        return rooms.stream().filter(r -> r.roomClass().equals(roomClass)).mapToInt(Room::index).toArray();
    }
}
