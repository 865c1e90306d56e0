package com.tictactoe.web.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tictactoe.application.GameFacade;
import com.tictactoe.application.KnownGames;
import com.tictactoe.application.KnownLobbies;
import com.tictactoe.application.UncountedGameMetrics;
import com.tictactoe.domain.AccountRepository;
import com.tictactoe.domain.Game;
import com.tictactoe.domain.GameRepository;
import com.tictactoe.domain.GameRuleException;
import com.tictactoe.domain.Rejection;
import com.tictactoe.testsupport.LocalGames;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.faces.push.Push;
import jakarta.faces.push.PushContext;
import java.io.Serializable;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * From a use case to the pages, as CDI wires it in the WAR (Weld): GameFacade fires GameChanged,
 * LiveUpdates observes it and pushes to the players and watchers, over the real DAO on DynamoDB
 * Local. Only the Faces websocket is replaced, by a push context that records what it is told.
 */
@EnableWeld
class LiveUpdatesTest {

    private static LocalGames store;

    /** What the infrastructure and Faces would inject. */
    @ApplicationScoped
    static class Resources {

        private final List<Map.Entry<Object, Set<String>>> pushed = new CopyOnWriteArrayList<>();
        /** The count of changes each player was last told of. */
        private final Map<String, Long> changes = new ConcurrentHashMap<>();

        Map<String, Long> changes() {
            return changes;
        }

        /** The count of changes each player was last told they had before the change. */
        private final Map<String, Long> sinces = new ConcurrentHashMap<>();

        Map<String, Long> sinces() {
            return sinces;
        }

        @SuppressWarnings("unchecked")
        private static Map<String, Object> castToMap(Object message) {
            return (Map<String, Object>) message;
        }

        List<Map.Entry<Object, Set<String>>> pushed() {
            return pushed;
        }

        @Produces
        GameRepository games() {
            return store.dao();
        }

        @Produces
        AccountRepository accounts() {
            return store.accounts();
        }

        @Produces
        @Push
        PushContext updates() {
            return new PushContext() {
                @Override
                public Set<Future<Void>> send(Object message) {
                    throw new AssertionError("nothing is pushed to everyone");
                }

                @Override
                public <S extends Serializable> Set<Future<Void>> send(Object message, S user) {
                    return send(message, List.of(user)).get(user);
                }

                /**
                 * Recorded without the player's own count of changes, which {@link #changes} keeps: a
                 * message sent alike to several players is one entry, with all of them.
                 */
                @Override
                public <S extends Serializable> Map<S, Set<Future<Void>>> send(Object message, Collection<S> users) {
                    Set<String> names = new TreeSet<>();
                    users.forEach(user -> names.add((String) user));
                    Map<String, Object> told = new LinkedHashMap<>(castToMap(message));
                    Object count = told.remove("changes");
                    Object since = told.remove("since");
                    if (count != null) {
                        names.forEach(name -> changes.put(name, (Long) count));
                        names.forEach(name -> sinces.put(name, (Long) since));
                    }
                    synchronized (pushed) {
                        int last = pushed.size() - 1;
                        if (count != null
                                && last >= 0
                                && pushed.get(last).getKey().equals(told)) {
                            Set<String> all = new TreeSet<>(pushed.get(last).getValue());
                            all.addAll(names);
                            pushed.set(last, Map.entry(told, all));
                        } else {
                            pushed.add(Map.entry(told, names));
                        }
                    }
                    return Map.of(users.iterator().next(), Set.of(CompletableFuture.completedFuture(null)));
                }
            };
        }
    }

    @WeldSetup
    WeldInitiator weld = WeldInitiator.from(
                    GameFacade.class,
                    KnownGames.class,
                    com.tictactoe.application.KnownPlayers.class,
                    KnownLobbies.class,
                    com.tictactoe.application.UncertainMoves.class,
                    com.tictactoe.application.TimeLimitSettings.class,
                    LiveUpdates.class,
                    PushSender.class,
                    GameWatchers.class,
                    UncountedGameMetrics.class,
                    Resources.class)
            .build();

    @BeforeAll
    static void createTables() {
        store = LocalGames.withFreshTable();
    }

    @AfterAll
    static void dropTables() {
        store.close();
    }

    private GameFacade facade() {
        return weld.select(GameFacade.class).get();
    }

    private List<Map.Entry<Object, Set<String>>> pushed() {
        return weld.select(Resources.class).get().pushed(); // through the bean's proxy
    }

    /**
     * What was pushed once there are at least {@code count} pushes, after a moment for any
     * unexpected one; pushes are sent on another thread than the change.
     */
    private List<Map.Entry<Object, Set<String>>> awaitPushes(int count) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (pushed().size() < count && System.nanoTime() < deadline) {
            sleep(5);
        }
        sleep(50);
        return List.copyOf(pushed());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Test
    void everyChangeIsPushedToBothPlayersAndOnlyToThem() {
        String alice = store.registeredPlayer("alice");
        String bob = store.registeredPlayer("bob");
        Game game = facade().create(alice, bob);
        facade().accept(game.gameId(), bob);
        facade().move(game.gameId(), alice, "MiddleMiddle");

        Set<String> both = new TreeSet<>(Set.of(alice, bob));
        assertEquals(
                List.of(
                        Map.entry(Map.of("game", game.gameId(), "version", 0, "host", alice, "guest", bob), both),
                        Map.entry(Map.of("game", game.gameId(), "version", 10, "board", Map.of(), "next", "O"), both),
                        Map.entry(
                                Map.of(
                                        "game",
                                        game.gameId(),
                                        "version",
                                        11,
                                        "board",
                                        Map.of("MiddleMiddle", "O"),
                                        "next",
                                        "X"),
                                both)),
                awaitPushes(3));
    }

    @Test
    void aMoveCarriesTheBoardAsStoredAndTheEndItsResultAndLine() {
        String alice = store.registeredPlayer("alice");
        String bob = store.registeredPlayer("bob");
        Game game = facade().accept(facade().create(alice, bob).gameId(), bob);
        facade().move(game.gameId(), alice, "TopLeft");
        facade().move(game.gameId(), bob, "BottomRight");
        awaitPushes(4);
        pushed().clear();

        facade().move(game.gameId(), alice, "TopMiddle");
        facade().move(game.gameId(), bob, "BottomMiddle");
        facade().move(game.gameId(), alice, "TopRight"); // O wins on the top row

        Map<String, String> beforeLastMove =
                Map.of("TopLeft", "O", "BottomRight", "X", "TopMiddle", "O", "BottomMiddle", "X");
        Map<String, String> finalBoard = new HashMap<>(beforeLastMove);
        finalBoard.put("TopRight", "O");

        Set<String> both = new TreeSet<>(Set.of(alice, bob));
        assertEquals(
                List.of(
                        Map.entry(
                                Map.of(
                                        "game",
                                        game.gameId(),
                                        "version",
                                        13,
                                        "board",
                                        Map.of("TopLeft", "O", "BottomRight", "X", "TopMiddle", "O"),
                                        "next",
                                        "X"),
                                both),
                        Map.entry(
                                Map.of("game", game.gameId(), "version", 14, "board", beforeLastMove, "next", "O"),
                                both),
                        Map.entry(
                                Map.of(
                                        "game",
                                        game.gameId(),
                                        "version",
                                        25,
                                        "board",
                                        finalBoard,
                                        "result",
                                        "O",
                                        "line",
                                        List.of("TopLeft", "TopMiddle", "TopRight")),
                                both)),
                awaitPushes(3));
    }

    @Test
    void aDeclinedInvitationIsPushedAsTheGameOnly() {
        String alice = store.registeredPlayer("alice");
        String bob = store.registeredPlayer("bob");
        Game game = facade().create(alice, bob);
        awaitPushes(1);
        pushed().clear();

        facade().decline(game.gameId(), bob);

        assertEquals(
                List.of(Map.entry(Map.of("game", game.gameId()), new TreeSet<>(Set.of(alice, bob)))), awaitPushes(1));
    }

    @Test
    void aWatcherHearsOfTheGameOnAChannelLobbiesIgnore() {
        String alice = store.registeredPlayer("alice");
        String bob = store.registeredPlayer("bob");
        String carol = store.registeredPlayer("carol");
        Game game = facade().accept(facade().create(alice, bob).gameId(), bob);
        GameWatchers watchers = weld.select(GameWatchers.class).get();
        watchers.watching(game.gameId(), carol);
        watchers.watching(game.gameId(), bob); // a player with the page open is told once, as a player
        awaitPushes(2); // the invitation's and the acceptance's
        pushed().clear();

        facade().move(game.gameId(), alice, "TopLeft");

        Map<String, Object> move =
                Map.of("game", game.gameId(), "version", 11, "board", Map.of("TopLeft", "O"), "next", "X");
        Map<String, Object> watched = new HashMap<>(move);
        watched.put("watched", true);
        assertEquals(
                List.of(Map.entry(move, new TreeSet<>(Set.of(alice, bob))), Map.entry(watched, Set.of(carol))),
                awaitPushes(2));
    }

    @Test
    void pollingPagesSeeTheirPlayersVersionGrowAndNobodyElses() {
        String alice = store.registeredPlayer("alice");
        String bob = store.registeredPlayer("bob");
        String dave = store.registeredPlayer("dave");
        LiveUpdates live = weld.select(LiveUpdates.class).get();
        long aliceBefore = live.changesOf(alice);
        long bobBefore = live.changesOf(bob);

        Game game = facade().create(alice, bob);
        long aliceInvited = live.changesOf(alice);
        facade().decline(game.gameId(), bob);

        assertTrue(aliceInvited > aliceBefore);
        assertTrue(live.changesOf(alice) > aliceInvited, "a second change moves the version again");
        assertTrue(live.changesOf(bob) > bobBefore);
        assertEquals(0L, live.changesOf(dave), "a player whose games did not change");
    }

    @Test
    void eachPlayerIsToldTheirOwnCountOfChangesBeforeAndAfterTheChange() {
        String alice = store.registeredPlayer("alice");
        String bob = store.registeredPlayer("bob");
        LiveUpdates live = weld.select(LiveUpdates.class).get();
        long aliceBefore = live.changesOf(alice);
        long bobBefore = live.changesOf(bob);
        facade().create(alice, bob);
        awaitPushes(1);

        Map<String, Long> told = weld.select(Resources.class).get().changes();
        Map<String, Long> since = weld.select(Resources.class).get().sinces();
        assertEquals(live.changesOf(alice), told.get(alice), "a lobby that shows it is as current as its polls");
        assertEquals(live.changesOf(bob), told.get(bob));
        assertEquals(Map.of(alice, aliceBefore, bob, bobBefore), Map.of(alice, since.get(alice), bob, since.get(bob)));
    }

    @Test
    void aRefusedMovePushesNothing() {
        String alice = store.registeredPlayer("alice");
        String bob = store.registeredPlayer("bob");
        Game game = facade().accept(facade().create(alice, bob).gameId(), bob);
        awaitPushes(2);
        pushed().clear();

        // alice (O, the host) moves first: bob is refused by that one rule, nothing else
        GameRuleException refused =
                assertThrows(GameRuleException.class, () -> facade().move(game.gameId(), bob, "TopLeft"));
        assertEquals(Rejection.NOT_YOUR_TURN, refused.rejection());
        facade().move(game.gameId(), alice, "TopLeft");

        assertEquals(1, awaitPushes(1).size(), "only the move that was made: " + pushed());
    }
}
