package com.tictactoe.testsupport;

import com.tictactoe.application.GameChanged;
import com.tictactoe.application.GameFacade;
import com.tictactoe.application.GameMetrics;
import com.tictactoe.application.KnownGames;
import com.tictactoe.application.KnownLobbies;
import com.tictactoe.application.KnownPlayers;
import com.tictactoe.application.Records;
import com.tictactoe.application.StalledGames;
import com.tictactoe.application.TimeLimitSettings;
import com.tictactoe.application.UncertainMoves;
import com.tictactoe.domain.AccountRepository;
import com.tictactoe.domain.GameRepository;
import com.tictactoe.domain.RecordRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

/**
 * The application layer of one server as CDI wires it: a Weld container of its own with the real
 * {@link GameFacade} and {@link KnownGames}, {@link GameChanged} fired through CDI to an observer
 * that keeps what it hears. Only the repositories are given, as the infrastructure's producers
 * would give them. Two instances are two servers: each remembers games on its own.
 */
public final class GameServer implements AutoCloseable {

    private final WeldContainer container;

    private GameServer(WeldContainer container) {
        this.container = container;
    }

    public static GameServer over(GameRepository games, AccountRepository accounts) {
        return over(games, accounts, GameMetrics.NONE);
    }

    /** A server whose application counts into {@code metrics}, where the WAR has an adapter or nothing. */
    public static GameServer over(GameRepository games, AccountRepository accounts, GameMetrics metrics) {
        return over(games, accounts, metrics, null);
    }

    /** A server that also shows players' {@link Records}, read from {@code records}. */
    public static GameServer over(GameRepository games, AccountRepository accounts, RecordRepository records) {
        return over(games, accounts, GameMetrics.NONE, records);
    }

    private static GameServer over(
            GameRepository games, AccountRepository accounts, GameMetrics metrics, RecordRepository records) {
        Weld weld = new Weld("game-server-" + UUID.randomUUID())
                .disableDiscovery()
                .addBeanClasses(
                        GameFacade.class,
                        KnownGames.class,
                        KnownPlayers.class,
                        KnownLobbies.class,
                        UncertainMoves.class,
                        TimeLimitSettings.class,
                        StalledGames.class,
                        ChangesHeard.class)
                .addExtension(new Repositories(games, accounts, metrics, records));
        if (records != null) {
            weld.addBeanClasses(Records.class);
        }
        return new GameServer(weld.initialize());
    }

    public GameFacade facade() {
        return container.select(GameFacade.class).get();
    }

    /** This server's records; only on a server made with a {@link RecordRepository}. */
    public Records records() {
        return container.select(Records.class).get();
    }

    public StalledGames stalledGames() {
        return container.select(StalledGames.class).get();
    }

    /** The changes this server's observers heard, in order. */
    public List<GameChanged> changes() {
        return container.select(ChangesHeard.class).get().heard();
    }

    /** Fires a change into this server as the cluster's relay fires what another server wrote. */
    public void fire(GameChanged change) {
        container.event().select(GameChanged.class).fire(change);
    }

    @Override
    public void close() {
        container.shutdown();
    }

    /** Observes what GameFacade fires, as LiveUpdates does in the WAR. */
    @ApplicationScoped
    public static class ChangesHeard {

        private final List<GameChanged> heard = new CopyOnWriteArrayList<>();

        void hear(@Observes GameChanged change) {
            heard.add(change);
        }

        List<GameChanged> heard() {
            return heard;
        }
    }

    /** Offers the given repositories (and metrics) as beans, where the WAR has DynamoDbResources' producers. */
    static final class Repositories implements Extension {

        private final GameRepository games;
        private final AccountRepository accounts;
        private final GameMetrics metrics;
        private final RecordRepository records;

        Repositories(GameRepository games, AccountRepository accounts, GameMetrics metrics, RecordRepository records) {
            this.games = games;
            this.accounts = accounts;
            this.metrics = metrics;
            this.records = records;
        }

        void add(@Observes AfterBeanDiscovery discovery) {
            discovery
                    .addBean()
                    .types(GameRepository.class, Object.class)
                    .scope(Dependent.class)
                    .produceWith(lookup -> games);
            discovery
                    .addBean()
                    .types(AccountRepository.class, Object.class)
                    .scope(Dependent.class)
                    .produceWith(lookup -> accounts);
            discovery
                    .addBean()
                    .types(GameMetrics.class, Object.class)
                    .scope(Dependent.class)
                    .produceWith(lookup -> metrics);
            if (records != null) {
                discovery
                        .addBean()
                        .types(RecordRepository.class, Object.class)
                        .scope(Dependent.class)
                        .produceWith(lookup -> records);
            }
        }
    }
}
