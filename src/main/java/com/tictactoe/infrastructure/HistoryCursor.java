package com.tictactoe.infrastructure;

import com.tictactoe.domain.BadCursorException;
import com.tictactoe.domain.GameIds;
import com.tictactoe.domain.GameStatus;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Where a page of a player's finished games stopped, in each of the two indexes it merges (games
 * the player hosted, games they were invited to): not started, after a given entry, or done. The
 * text of the address is base64url of that and the player's id, opaque to players.
 *
 * <p>A cursor is read only for the player it was made for. The index partition it reads from is
 * the page's player's whatever the cursor says (see {@link Position#startKey}), so a forged
 * cursor can at most skip to another place of that player's own finished games; one that does not
 * parse, names another player or a key no finished game can have is refused before any read.
 */
record HistoryCursor(String player, Position hosted, Position invited) {

    /** Longer than any cursor made here (two dates, two UUIDs, a name of 20 characters). */
    static final int MAX_LENGTH = 400;

    private static final String VERSION = "h1";
    private static final String NOT_STARTED = "-";
    private static final String DONE = ".";

    /** One index's place: {@code statusDate} and {@code gameId} of the last entry shown, or a mark. */
    record Position(String statusDate, String gameId, boolean done) {

        static final Position START = new Position(null, null, false);
        static final Position END = new Position(null, null, true);

        static Position after(Map<String, AttributeValue> entry) {
            return new Position(
                    GameItems.string(entry, GamesTable.STATUS_DATE),
                    GameItems.string(entry, GamesTable.GAME_ID),
                    false);
        }

        /** The index key to read on from: always in {@code player}'s partition of the index. */
        Map<String, AttributeValue> startKey(String playerAttribute, String player) {
            if (statusDate == null) {
                return null;
            }
            return Map.of(
                    playerAttribute,
                    GameItems.s(player),
                    GamesTable.STATUS_DATE,
                    GameItems.s(statusDate),
                    GamesTable.GAME_ID,
                    GameItems.s(gameId));
        }

        private String encode() {
            if (done) {
                return DONE;
            }
            return statusDate == null ? NOT_STARTED : statusDate + "\t" + gameId;
        }

        private static Position decode(String text) {
            if (text.equals(DONE)) {
                return END;
            }
            if (text.equals(NOT_STARTED)) {
                return START;
            }
            String[] parts = text.split("\t", -1);
            if (parts.length != 2
                    || !parts[0].startsWith(StatusDates.prefix(GameStatus.FINISHED))
                    || !GameIds.isPlausible(parts[1])) {
                throw new BadCursorException("not a place in the finished games");
            }
            try {
                StatusDates.parse(parts[0]);
            } catch (IllegalArgumentException e) {
                throw new BadCursorException("not a date of a finished game");
            }
            return new Position(parts[0], parts[1], false);
        }
    }

    static HistoryCursor first(String player) {
        return new HistoryCursor(player, Position.START, Position.START);
    }

    boolean isDone() {
        return hosted.done() && invited.done();
    }

    String encode() {
        String text = String.join("\n", VERSION, player, hosted.encode(), invited.encode());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor {@code text} made for {@code player}'s pages. */
    static HistoryCursor decode(String text, String player) {
        if (text.length() > MAX_LENGTH) {
            throw new BadCursorException("too long");
        }
        String decoded;
        try {
            decoded = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new BadCursorException("not base64url");
        }
        String[] parts = decoded.split("\n", -1);
        if (parts.length != 4 || !parts[0].equals(VERSION)) {
            throw new BadCursorException("not a cursor of this app");
        }
        if (!parts[1].equals(player)) {
            throw new BadCursorException("made for another player's page");
        }
        return new HistoryCursor(player, Position.decode(parts[2]), Position.decode(parts[3]));
    }
}
