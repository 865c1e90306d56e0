package com.tictactoe.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.tictactoe.domain.BadCursorException;
import com.tictactoe.domain.Board;
import com.tictactoe.domain.Game;
import com.tictactoe.domain.GameIds;
import com.tictactoe.domain.GameStatus;
import com.tictactoe.domain.GameSummary;
import com.tictactoe.domain.HistoryPage;
import com.tictactoe.domain.StatusDate;
import com.tictactoe.testsupport.LocalGames;
import com.tictactoe.testsupport.Names;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A player's finished games page by page, newest first, merged from both indexes; the cursor in
 * the address is read only for the player it was made for.
 */
class HistoryOnDynamoDbTest {

    private static final int PAGE = 10;

    private static LocalGames store;

    @BeforeAll
    static void setUp() {
        store = LocalGames.withFreshTable();
    }

    @AfterAll
    static void tearDown() {
        store.close();
    }

    @Test
    void everyFinishedGameOnceNewestFirstPageByPage() {
        String me = Names.unique("hist");
        String other = Names.unique("other");
        List<String> expected = new ArrayList<>();
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        // 23 finished games, hosted and invited in an irregular mix; games in progress are not history.
        for (int i = 0; i < 23; i++) {
            boolean hosted = i % 3 != 1;
            Game game = finished(hosted ? me : other, hosted ? other : me, start.plusSeconds(60L * i));
            store.putRaw(GameItems.toItem(game));
            expected.add(0, game.gameId());
        }
        store.putRaw(GameItems.toItem(finished(other, Names.unique("third"), start.plusSeconds(30))));

        List<String> seen = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        String cursor = null;
        do {
            HistoryPage page = store.dao().finishedGames(me, cursor, PAGE);
            page.games().stream().map(GameSummary::gameId).forEach(seen::add);
            sizes.add(page.games().size());
            cursor = page.next();
        } while (cursor != null);
        assertEquals(expected, seen);
        assertEquals(List.of(10, 10, 3), sizes, "no empty last page");
    }

    @Test
    void aCursorIsReadOnlyForItsPlayerAndOnlyAsMade() {
        String me = Names.unique("cur");
        String other = Names.unique("peer");
        for (int i = 0; i < PAGE + 2; i++) {
            store.putRaw(GameItems.toItem(finished(me, other, Instant.now().minusSeconds(i))));
        }
        String next = store.dao().finishedGames(me, null, PAGE).next();
        assertNotNull(next);
        assertEquals(2, store.dao().finishedGames(me, next, PAGE).games().size());

        // Someone else's page with my cursor: refused, whatever games they have.
        assertThrows(BadCursorException.class, () -> store.dao().finishedGames(other, next, PAGE));
        for (String forged : List.of(
                "not base64!",
                next.substring(0, next.length() - 3),
                encoded("h1\n" + me + "\n-\n-\nmore"),
                encoded("h1\n" + me + "\nIN_PROGRESS_2026-01-01 00:00:00.000000\t" + GameIds.next() + "\n-"),
                encoded("h1\n" + me + "\nFINISHED_yesterday\t" + GameIds.next() + "\n-"),
                encoded("h1\n" + me + "\nFINISHED_2026-01-01 00:00:00.000000\tnot a game id\n-"),
                "A".repeat(HistoryCursor.MAX_LENGTH + 1))) {
            assertThrows(BadCursorException.class, () -> store.dao().finishedGames(me, forged, PAGE), forged);
        }
        HistoryPage done = store.dao().finishedGames(me, encoded("h1\n" + me + "\n.\n."), PAGE);
        assertEquals(List.of(), done.games());
        assertNull(done.next());
    }

    private static String encoded(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static Game finished(String host, String guest, Instant at) {
        return new Game(
                GameIds.next(), host, guest, host, null, new StatusDate(GameStatus.FINISHED, at), host, Board.empty());
    }
}
