package com.tictactoe.testsupport;

/**
 * Whole games played through the pages by two {@link PagePlayer}s, from the invitation to both
 * lobbies listing the result, in one of a few scripts turned by the board's symmetries.
 */
public final class WholeGames {

    /** What a game's observer hears: the game's id once invited, each move once acknowledged. */
    public interface Progress {
        void invited(String gameId);

        void acknowledged(int square);
    }

    private static final int[][] LINES = {
        {0, 1, 2}, {3, 4, 5}, {6, 7, 8}, {0, 3, 6}, {1, 4, 7}, {2, 5, 8}, {0, 4, 8}, {2, 4, 6}
    };
    /** Squares in the order they are played; the host (O) moves first. */
    private static final int[][] SCRIPTS = {
        {0, 3, 1, 4, 2}, // O wins on the top row
        {0, 2, 1, 4, 8, 6}, // X wins on the rising diagonal
        {0, 1, 2, 4, 3, 5, 7, 6, 8}
    }; // a draw

    private WholeGames() {}

    /** The squares of game number {@code number}: the scripts in turn, each in eight symmetries. */
    public static int[] script(int number) {
        return symmetric(SCRIPTS[number % SCRIPTS.length], number / SCRIPTS.length);
    }

    /**
     * The host invites the guest from its lobby (the one its last game ended on, as a browser
     * shows it, or a fresh one), which leads to the game's page; the guest, on its
     * lobby, is pushed the invitation (the lists re-rendered, as app.js does) and accepts from there,
     * which opens the game's page; the host's page shows the start from its push; they play {@code
     * script}, the other's page brought up to date after each move by the push alone, as app.js does
     * it; both see the result (the mover's page from the answer, the other's from the push) and
     * find it in their lobby. Every page is checked. A player's push websocket is opened once
     * ({@link PagePlayer#listen}), or for every full page ({@link PagePlayer#withSocketPerPage}).
     */
    public static void play(PagePlayer host, PagePlayer guest, int[] script, Progress progress)
            throws PagePlayer.Unexpected {
        if (!guest.onLobby()) {
            guest.openLobby();
        }
        guest.listen(); // its socket open, as a page's is before anyone acts on it
        if (!host.onLobby()) {
            host.openLobby(); // a host back from a game invites from the lobby that game led to
        }
        host.listen();
        String gameId = host.invite(guest.name);
        progress.invited(gameId);
        guest.awaitInvitation(gameId);
        guest.acceptFromLobby(gameId, host.name);
        String[] board = new String[9];
        guest.expectBoard(board, "after accepting");
        host.awaitPush(board, "Your turn");
        for (int move = 0; move < script.length; move++) {
            PagePlayer mover = move % 2 == 0 ? host : guest;
            PagePlayer other = move % 2 == 0 ? guest : host;
            board[script[move]] = move % 2 == 0 ? "O" : "X";
            boolean last = move == script.length - 1;
            mover.move(script[move], board, last ? null : "Waiting for " + other.name);
            progress.acknowledged(script[move]);
            other.awaitPush(board, last ? null : "Your turn");
        }
        String winner = winner(board);
        host.expectResult(winner == null ? "Draw" : winner.equals("O") ? "You won!" : "You lost");
        guest.expectResult(winner == null ? "Draw" : winner.equals("X") ? "You won!" : "You lost");
        host.openLobby().expectFinishedInLobby(gameId);
        guest.openLobby().expectFinishedInLobby(gameId);
    }

    /** "O", "X", or null for no line of three. */
    public static String winner(String[] board) {
        for (int[] line : LINES) {
            if (board[line[0]] != null
                    && board[line[0]].equals(board[line[1]])
                    && board[line[0]].equals(board[line[2]])) {
                return board[line[0]];
            }
        }
        return null;
    }

    /** One of the eight symmetries of the board applied to a script, for variety. */
    private static int[] symmetric(int[] script, int symmetry) {
        int[] result = new int[script.length];
        for (int i = 0; i < script.length; i++) {
            int row = script[i] / 3;
            int column = script[i] % 3;
            for (int turn = 0; turn < symmetry % 4; turn++) {
                int rotated = column;
                column = 2 - row;
                row = rotated;
            }
            if (symmetry % 8 >= 4) {
                column = 2 - column;
            }
            result[i] = row * 3 + column;
        }
        return result;
    }
}
