package com.tictactoe.infrastructure;

import com.tictactoe.application.InvitationSettings;
import com.tictactoe.domain.AccountRepository;
import com.tictactoe.domain.AttemptCounterRepository;
import com.tictactoe.domain.GameRepository;
import com.tictactoe.domain.RecordRepository;
import com.tictactoe.domain.SignInTokenRepository;
import com.tictactoe.domain.TimeLimits;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.UpdateTimeToLiveRequest;

/** Produces the DAOs over the one DynamoDB client, and creates the tables at start-up when asked to. */
@ApplicationScoped
public class DynamoDbResources {

    private static final Logger LOG = Logger.getLogger(DynamoDbResources.class.getName());

    private final DynamoDbSettings settings = DynamoDbSettings.fromEnvironment();

    /** Between attempts to create the tables when DynamoDB was not reachable at start-up. */
    static final long CREATE_RETRY_SECONDS = 5;

    /**
     * How many of the DAO's parallel reads (a lobby's six queries) run at once in the whole server;
     * the others wait their turn. Not the container's executor: it starts a thread for every task
     * that finds none idle, up to 200, and keeps each for five minutes; after the benchmark's
     * warm-up 131 of them sat idle, their stacks part of the server's memory.
     */
    static final int PARALLEL_READS = 8;

    /** Threads that carry the application's context, so the SDK's call metrics work on them. */
    @Resource
    private ManagedThreadFactory threads;

    private ThreadPoolExecutor reads;

    @Resource
    private ManagedScheduledExecutorService scheduler;

    private volatile boolean closed;

    @Inject
    private DynamoCallMetrics callMetrics;

    @Inject
    private TimeLimits timeLimits;

    /** The one client of the app; not a bean, so that only the DAOs made here can call DynamoDB. */
    private DynamoDbClient dynamo;

    @PostConstruct
    void connect() {
        dynamo = DynamoDbClients.create(settings, callMetrics, List.of());
        reads = new ThreadPoolExecutor(
                PARALLEL_READS,
                PARALLEL_READS,
                60,
                TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(),
                threads != null ? threads : Executors.defaultThreadFactory());
        reads.allowCoreThreadTimeOut(true);
    }

    @PreDestroy
    void close() {
        closed = true;
        reads.shutdown();
        dynamo.close();
    }

    /**
     * The readiness check's probe of both tables (see {@link StoreProbe}). Static: the check lives
     * where it cannot inject this bean (see {@link MicroProfileAdapters}).
     */
    public static StoreProbe readinessProbe() {
        DynamoDbSettings settings = DynamoDbSettings.fromEnvironment();
        return StoreProbe.of(settings);
    }

    @Produces
    @ApplicationScoped
    public GameRepository games() {
        return new DynamoGameDao(
                dynamo, settings.gamesTable(), recordUpdates(), reads, timeLimits, InvitationSettings.lifetimes());
    }

    /** The records a finished game adds to, written in the game's finishing transaction. */
    private RecordUpdates recordUpdates() {
        return new RecordUpdates(settings.recordsTable());
    }

    @Produces
    @ApplicationScoped
    public RecordRepository records() {
        return new DynamoRecordDao(dynamo, settings.recordsTable(), reads);
    }

    @Produces
    @ApplicationScoped
    public AccountRepository accounts() {
        return new DynamoAccountDao(dynamo, settings.usersTable());
    }

    @Produces
    @ApplicationScoped
    public SignInTokenRepository signInTokens() {
        return new DynamoSignInTokenDao(dynamo, settings.usersTable());
    }

    @Produces
    @ApplicationScoped
    public AttemptCounterRepository attemptCounters() {
        return new DynamoAttemptCounterDao(dynamo, settings.usersTable());
    }

    void createTables(@Observes @Initialized(ApplicationScoped.class) Object started) {
        LOG.info(() -> "DynamoDB settings: " + settings.describe());
        if (settings.createTables()) {
            tryToCreateTables(1);
        }
    }

    /**
     * What the tables' time to live deletes: expired invitations, sign-ins and attempt counters.
     * deploy/tables.yaml defines the same (DeployTemplatesTest).
     */
    public static List<UpdateTimeToLiveRequest> timesToLive(DynamoDbSettings settings) {
        return List.of(GamesTable.timeToLive(settings.gamesTable()), UsersTable.timeToLive(settings.usersTable()));
    }

    /** Until it works: the app answers "unavailable" meanwhile, and needs no restart afterwards. */
    private void tryToCreateTables(int attempt) {
        if (closed) {
            return;
        }
        try {
            TableBootstrap.createMissing(
                    dynamo,
                    List.of(
                            GamesTable.definition(settings.gamesTable()),
                            UsersTable.definition(settings.usersTable()),
                            RecordsTable.definition(settings.recordsTable())),
                    timesToLive(settings));
            if (attempt > 1) {
                LOG.info(() -> "Tables ready at attempt " + attempt);
            }
        } catch (RuntimeException e) {
            String failed =
                    "Could not create the tables at " + settings.endpoint().orElse(null) + " (attempt " + attempt
                            + "); trying again every " + CREATE_RETRY_SECONDS + " s";
            if (attempt == 1) {
                LOG.log(Level.SEVERE, failed, e);
            } else {
                LOG.warning(() -> failed + ": " + e);
            }
            scheduler.schedule(() -> tryToCreateTables(attempt + 1), CREATE_RETRY_SECONDS, TimeUnit.SECONDS);
        }
    }
}
