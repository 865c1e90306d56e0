package com.tictactoe.web.game;

import com.tictactoe.domain.Square;
import com.tictactoe.web.Texts;
import java.io.Serializable;

/** One square of the board as the page shows it. (EL 5 reads getters, not record accessors.) */
public record Cell(Square square, String mark, boolean playable, boolean winning) implements Serializable {

    public String getMark() {
        return mark;
    }

    public boolean isPlayable() {
        return playable;
    }

    public String getName() {
        return square.id();
    }

    /** What a screen reader says, e.g. "Top left, empty" or "Centre, X". */
    public String getLabel() {
        Texts texts = Texts.current();
        return texts.get(
                "game.cell", texts.get("square." + square.id()), mark.isEmpty() ? texts.get("game.empty") : mark);
    }

    public String getStyleClass() {
        StringBuilder classes = new StringBuilder("cell");
        if (!mark.isEmpty()) {
            classes.append(" mark-").append(mark.toLowerCase());
        }
        if (winning) {
            classes.append(" winning");
        }
        return classes.toString();
    }
}
