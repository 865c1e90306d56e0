package com.tictactoe.infrastructure.cluster;

import com.tictactoe.application.GameChanged;
import com.tictactoe.domain.Board;
import com.tictactoe.domain.Ending;
import com.tictactoe.domain.Game;
import com.tictactoe.domain.GameStatus;
import com.tictactoe.domain.Mark;
import com.tictactoe.domain.Square;
import com.tictactoe.domain.StatusDate;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A game change as bytes that servers send each other: the whole game, so that the receiving
 * server shows it without reading DynamoDB. Plain bytes rather than Java serialization: the
 * cluster then never loads one of our classes, and a server of the next version can still read a
 * message of this format (it starts with its number) during a rolling update. Fields added later
 * go at the end, where a server of an earlier version stops reading.
 */
final class GameChangeMessages {

    static final int FORMAT = 1;
    private static final char EMPTY_SQUARE = '-';

    private GameChangeMessages() {}

    static byte[] encode(GameChanged change) {
        Game game = change.game();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(160);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            out.writeBoolean(change.deleted());
            out.writeUTF(game.gameId());
            out.writeUTF(game.hostId());
            // An open challenge has no opponent: "", which no player's name is (a server of the
            // version before reads it as a name, and lists the challenge among the host's invitations).
            out.writeUTF(game.opponentId() == null ? "" : game.opponentId());
            out.writeUTF(game.oUser());
            writeOptional(out, game.turn());
            out.writeUTF(game.statusDate().status().name());
            out.writeLong(game.statusDate().date().getEpochSecond());
            out.writeInt(game.statusDate().date().getNano());
            writeOptional(out, game.result());
            out.writeUTF(squares(game.board()));
            writeOptional(
                    out, game.turnSince() == null ? null : game.turnSince().toString());
            writeOptional(out, game.ending() == null ? null : game.ending().name());
            // Last, so that a server of the version before, which stops reading after the ending,
            // still reads the message: the order of play, as square ids separated by spaces.
            out.writeUTF(order(game.board()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * The change that another server made.
     *
     * @throws IllegalArgumentException if the bytes are not a message of a format this version reads
     */
    static GameChanged decode(byte[] message) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(message))) {
            int format = in.readUnsignedByte();
            if (format != FORMAT) {
                throw new IllegalArgumentException("Unknown message format " + format);
            }
            boolean deleted = in.readBoolean();
            String gameId = in.readUTF();
            String hostId = in.readUTF();
            String opponent = in.readUTF();
            String opponentId = opponent.isEmpty() ? null : opponent;
            String oUser = in.readUTF();
            String turn = readOptional(in);
            GameStatus status = GameStatus.valueOf(in.readUTF());
            Instant date = Instant.ofEpochSecond(in.readLong(), in.readInt());
            String result = readOptional(in);
            String squares = in.readUTF();
            // Absent in a message from a server of an earlier version.
            String turnSince = in.available() > 0 ? readOptional(in) : null;
            String ending = in.available() > 0 ? readOptional(in) : null;
            // A message of the version before ends with the ending: its game's order is unknown.
            Board board = board(squares, in.available() > 0 ? in.readUTF() : "");
            Game game = new Game(
                    gameId,
                    hostId,
                    opponentId,
                    oUser,
                    turn,
                    new StatusDate(status, date),
                    result,
                    board,
                    turnSince == null ? null : Instant.parse(turnSince),
                    ending == null ? null : Ending.valueOf(ending));
            return new GameChanged(game, deleted, true);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("Not a game change message", e);
        }
    }

    private static void writeOptional(DataOutputStream out, String value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeUTF(value);
        }
    }

    private static String readOptional(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }

    /** The nine squares in their order, each as its mark or '-'. */
    private static String squares(Board board) {
        StringBuilder text = new StringBuilder(Square.values().length);
        for (Square square : Square.values()) {
            text.append(board.markAt(square).map(mark -> mark.name().charAt(0)).orElse(EMPTY_SQUARE));
        }
        return text.toString();
    }

    private static String order(Board board) {
        return String.join(" ", board.playedOrder().stream().map(Square::id).toList());
    }

    private static Board board(String squares, String order) {
        Square[] all = Square.values();
        if (squares.length() != all.length) {
            throw new IllegalArgumentException("Not a board: " + squares);
        }
        Map<Square, Mark> marks = new EnumMap<>(Square.class);
        for (int i = 0; i < all.length; i++) {
            char mark = squares.charAt(i);
            if (mark != EMPTY_SQUARE) {
                marks.put(all[i], Mark.valueOf(String.valueOf(mark)));
            }
        }
        List<Square> played = new ArrayList<>();
        for (String id : order.split(" ")) {
            Square.fromId(id).ifPresent(played::add);
        }
        return Board.of(marks, played);
    }
}
