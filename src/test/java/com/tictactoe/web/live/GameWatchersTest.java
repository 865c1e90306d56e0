package com.tictactoe.web.live;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** Who watches which game, within a bound that drops games one at a time, never everyone. */
class GameWatchersTest {

    private final GameWatchers watchers = new GameWatchers();

    private int gamesWithWatchers(String prefix, int count) {
        int watched = 0;
        for (int i = 0; i < count; i++) {
            if (!watchers.of(prefix + i).isEmpty()) {
                watched++;
            }
        }
        return watched;
    }

    @Test
    void aGameTellsItsWatchersOnlyItsOwn() {
        watchers.watching("g1", "alice");
        watchers.watching("g1", "bob");
        watchers.watching("g1", "alice"); // a second page of the same player
        watchers.watching("g2", "carol");
        assertEquals(Set.of("alice", "bob"), watchers.of("g1"));
        assertEquals(Set.of("carol"), watchers.of("g2"));
        assertEquals(Set.of(), watchers.of("g3"));
    }

    @Test
    void anOverflowDropsAFewGamesAndKeepsTheOtherWatchers() {
        watchers.watching("busy", "alice");
        watchers.watching("busy", "bob");
        int others = GameWatchers.MAX_GAMES - 1;
        for (int i = 0; i < others; i++) {
            watchers.watching("g" + i, "p" + i);
            if (i % 100 == 0) {
                watchers.of("busy"); // its moves are pushed to its watchers
            }
        }
        assertEquals(others, gamesWithWatchers("g", others), "at the bound, everyone is kept");

        watchers.watching("one more", "carol");

        assertEquals(Set.of("carol"), watchers.of("one more"), "the new watcher is told");
        assertEquals(Set.of("alice", "bob"), watchers.of("busy"), "a game in use keeps its watchers");
        assertEquals(others - 1, gamesWithWatchers("g", others), "one game went, the others' watchers stay");
    }
}
