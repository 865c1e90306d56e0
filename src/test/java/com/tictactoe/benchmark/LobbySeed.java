package com.tictactoe.benchmark;

import com.tictactoe.domain.Game;
import com.tictactoe.domain.GameIds;
import com.tictactoe.domain.Square;
import com.tictactoe.infrastructure.DynamoGameDao;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * The games behind a full lobby, written straight to DynamoDB with the app's own DAO (one item per
 * game, in the app's format): for a player, 10 invitations from others, 10 games in progress (half
 * of them the player's turn) and 10 finished ones (won, lost, drawn), each against a different
 * opponent and at a different time.
 */
final class LobbySeed {

    static final int PER_LIST = 10;

    private LobbySeed() {}

    /** Writes the lobby games of every player; returns the id of one finished game of the first. */
    static String write(DynamoGameDao games, List<String> players, ExecutorService pool) throws Exception {
        List<Future<String>> written = new ArrayList<>();
        for (String player : players) {
            written.add(pool.submit(() -> writeFor(games, player)));
        }
        String first = null;
        for (Future<String> each : written) {
            String finished = each.get();
            first = first == null ? finished : first;
        }
        return first;
    }

    private static String writeFor(DynamoGameDao games, String player) {
        Instant start = Instant.now().minusSeconds(3600);
        String finishedGame = null;
        for (int i = 0; i < PER_LIST; i++) {
            Instant at = start.plusSeconds(i * 60L);
            games.create(Game.invite(GameIds.next(), friend(player, "i", i), player, at));

            Game playing = Game.invite(GameIds.next(), player, friend(player, "p", i), at)
                    .accept(friend(player, "p", i), at);
            playing = playing.play(player, Square.MIDDLE_MIDDLE, at);
            if (i % 2 == 0) {
                playing = playing.play(friend(player, "p", i), Square.TOP_LEFT, at);
            }
            games.create(playing);

            String friend = friend(player, "f", i);
            Game finished = Game.invite(GameIds.next(), player, friend, at).accept(friend, at);
            Square[] script = i % 3 == 0
                    ? new Square[] {
                        Square.TOP_LEFT, Square.MIDDLE_LEFT, Square.TOP_MIDDLE, Square.MIDDLE_MIDDLE, Square.TOP_RIGHT
                    }
                    : i % 3 == 1
                            ? new Square[] {
                                Square.TOP_LEFT,
                                Square.TOP_RIGHT,
                                Square.TOP_MIDDLE,
                                Square.MIDDLE_MIDDLE,
                                Square.BOTTOM_RIGHT,
                                Square.BOTTOM_LEFT
                            }
                            : new Square[] {
                                Square.TOP_LEFT,
                                Square.TOP_MIDDLE,
                                Square.TOP_RIGHT,
                                Square.MIDDLE_MIDDLE,
                                Square.MIDDLE_LEFT,
                                Square.MIDDLE_RIGHT,
                                Square.BOTTOM_MIDDLE,
                                Square.BOTTOM_LEFT,
                                Square.BOTTOM_RIGHT
                            };
            for (int move = 0; move < script.length; move++) {
                finished = finished.play(move % 2 == 0 ? player : friend, script[move], at);
            }
            games.create(finished);
            finishedGame = finished.gameId();
        }
        return finishedGame;
    }

    private static String friend(String player, String list, int i) {
        return player + list + i;
    }
}
