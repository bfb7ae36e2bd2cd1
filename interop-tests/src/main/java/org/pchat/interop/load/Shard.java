package org.pchat.interop.load;

/**
 * The part of a run one driver process plays when several share it ({@code --shard K/N}): the users whose number
 * is K modulo N, their share of the rates, and post ids that are K modulo N, so that each process counts the
 * deliveries of its own posts to its own users and passes over the others'. One process holds one socket per
 * user, so a run beyond the per-process open-file limit needs several.
 *
 * @param index this process's shard, 0 to {@code count - 1}
 * @param count how many processes share the run
 */
record Shard(int index, int count) {

    static final Shard WHOLE = new Shard(0, 1);

    Shard {
        if (count < 1 || index < 0 || index >= count) {
            throw new IllegalArgumentException("--shard " + index + "/" + count + " must be K/N with 0 <= K < N");
        }
    }

    /** Reads {@code K/N}. */
    static Shard parse(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("--shard " + text + " must be K/N (e.g. 0/2)");
        }
        try {
            return new Shard(Integer.parseInt(text.substring(0, slash).trim()),
                    Integer.parseInt(text.substring(slash + 1).trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--shard " + text + " must be K/N (e.g. 0/2)");
        }
    }

    /** Whether user number {@code user} is played here. */
    boolean plays(int user) {
        return user % count == index;
    }

    /** How many of the first {@code users} users are played here. */
    int usersOf(int users) {
        return users <= index ? 0 : (users - index + count - 1) / count;
    }

    /** The {@code n}-th user played here (0-based). */
    int user(int n) {
        return index + n * count;
    }

    /** This process's {@code n}-th post id (n from 1). */
    long postId(long n) {
        return index + n * count;
    }

    /** Whether a post id was issued here. */
    boolean issued(long postId) {
        return postId % count == index;
    }
}
