package com.tictactoe.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Everything a player's home page lists, each list newest first. Games in progress and finished
 * games are the ten newest; invitations received and sent are all open ones up to the limits of
 * {@link InvitationLimits}, so they are complete unless limits were overrun (by a race, or by items
 * the original app wrote): then {@code moreInvitations} or {@code moreSent} says older ones exist.
 * A host's open challenges (pending, no opponent) are among the invitations sent, and count there.
 */
public record Lobby(
        List<GameSummary> invitations,
        boolean moreInvitations,
        List<GameSummary> sentInvitations,
        boolean moreSent,
        List<GameSummary> inProgress,
        List<GameSummary> finished) {

    public Lobby {
        invitations = List.copyOf(invitations);
        sentInvitations = List.copyOf(sentInvitations);
        inProgress = List.copyOf(inProgress);
        finished = List.copyOf(finished);
    }

    /** Newest first, as the lists are read from the indexes: by date, then by id. */
    public static final Comparator<GameSummary> NEWEST_FIRST = Comparator.comparing(
                    (GameSummary game) -> game.statusDate().date())
            .thenComparing(GameSummary::gameId)
            .reversed();

    /**
     * This lobby without the invitations that have expired by {@code now}: a lobby known for a while
     * may hold invitations that expired since it was read. Lists are newest first, so the invitations
     * a full list leaves out are older than every one it shows: once one it shows has expired, those
     * left out have too, and nothing more is open than listed.
     */
    public Lobby withoutExpired(PendingLifetimes lifetimes, Instant now) {
        List<GameSummary> received = open(invitations, lifetimes, now);
        List<GameSummary> sent = open(sentInvitations, lifetimes, now);
        if (received.size() == invitations.size() && sent.size() == sentInvitations.size()) {
            return this;
        }
        return new Lobby(
                received,
                moreInvitations && received.size() == invitations.size(),
                sent,
                moreSent && sent.size() == sentInvitations.size(),
                inProgress,
                finished);
    }

    private static List<GameSummary> open(List<GameSummary> games, PendingLifetimes lifetimes, Instant now) {
        return games.stream().filter(game -> !lifetimes.isExpired(game, now)).toList();
    }

    /**
     * This lobby of {@code player} after a change to one of their games, if it can be known without
     * reading the lists again: a game leaving a full list makes room for one this lobby never held.
     * Applying a change that is already in the lobby gives the same lobby.
     *
     * @param game the game as it is now, or as it was when it was deleted
     * @param gone whether the game was deleted (declined or cancelled)
     */
    public Optional<Lobby> afterChange(String player, GameSummary game, boolean gone) {
        Placed received = new Placed(invitations, moreInvitations, InvitationLimits.PER_INVITEE);
        Placed sent = new Placed(sentInvitations, moreSent, InvitationLimits.PER_INVITER);
        Placed playing =
                new Placed(inProgress, inProgress.size() >= GameRepository.LIST_LIMIT, GameRepository.LIST_LIMIT);
        Placed ended = new Placed(finished, false, GameRepository.LIST_LIMIT); // a finished game stays finished
        List<Placed> lists = List.of(received, sent, playing, ended);
        lists.forEach(list -> list.remove(game.gameId()));
        if (!gone) {
            placeOf(player, game, received, sent, playing, ended).ifPresent(list -> list.add(game));
        }
        if (lists.stream().anyMatch(Placed::lostSight)) {
            return Optional.empty();
        }
        return Optional.of(new Lobby(received.games, received.more, sent.games, sent.more, playing.games, ended.games));
    }

    private static Optional<Placed> placeOf(
            String player, GameSummary game, Placed received, Placed sent, Placed playing, Placed ended) {
        return switch (game.status()) {
            case PENDING -> Optional.of(player.equals(game.opponentId()) ? received : sent);
            case IN_PROGRESS -> Optional.of(playing);
            case FINISHED -> Optional.of(ended);
        };
    }

    /** One list being changed: newest first, at most {@code shown} long, {@code more} if older ones exist. */
    private static final class Placed {
        private final List<GameSummary> games;
        private final int shown;
        private boolean more;
        private boolean removedFromFull;

        Placed(List<GameSummary> games, boolean more, int shown) {
            this.games = new ArrayList<>(games);
            this.more = more;
            this.shown = shown;
        }

        void remove(String gameId) {
            if (games.removeIf(listed -> listed.gameId().equals(gameId)) && more) {
                removedFromFull = true;
            }
        }

        void add(GameSummary game) {
            games.add(game);
            games.sort(NEWEST_FIRST);
            if (games.size() > shown) {
                games.subList(shown, games.size()).clear();
                more = true;
            }
            removedFromFull = false; // back to as many as before: nothing older needs showing
        }

        /** The next older game, unknown here, would now be shown. */
        boolean lostSight() {
            return removedFromFull;
        }
    }
}
