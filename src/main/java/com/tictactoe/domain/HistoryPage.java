package com.tictactoe.domain;

import java.io.Serializable;
import java.util.List;
import java.util.Optional;

/**
 * One page of a player's finished games, newest first.
 *
 * @param next where the next page starts, opaque to all but the store; null on the last page
 */
public record HistoryPage(List<GameSummary> games, String next) implements Serializable {

    public HistoryPage {
        games = List.copyOf(games);
    }

    public Optional<String> nextPage() {
        return Optional.ofNullable(next);
    }
}
