package com.tictactoe.infrastructure;

import com.tictactoe.domain.AccountRepository;
import com.tictactoe.domain.AttemptCounterRepository;
import com.tictactoe.domain.GameRepository;
import com.tictactoe.domain.SignInTokenRepository;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Produces the DAOs over the one DynamoDB client, and creates the tables at start-up when asked to. */
@ApplicationScoped
public class DynamoDbResources {

    private static final Logger LOG = Logger.getLogger(DynamoDbResources.class.getName());

    private final DynamoDbSettings settings = DynamoDbSettings.fromEnvironment();

    @Resource
    private ManagedExecutorService executor;

    /** The one client of the app; not a bean, so that only the DAOs made here can call DynamoDB. */
    private DynamoDbClient dynamo;

    @PostConstruct
    void connect() {
        dynamo = DynamoDbClients.create(settings);
    }

    @PreDestroy
    void close() {
        dynamo.close();
    }

    @Produces
    @ApplicationScoped
    public GameRepository games() {
        return new DynamoGameDao(dynamo, settings.gamesTable(), executor);
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
        if (!settings.createTables()) {
            return;
        }
        try {
            TableBootstrap.createMissing(dynamo, List.of(
                    GamesTable.definition(settings.gamesTable()), UsersTable.definition(settings.usersTable())));
        } catch (RuntimeException e) {
            // The app still starts: pages answer "unavailable" until DynamoDB and its tables are there.
            LOG.log(Level.SEVERE, "Could not create the tables at " + settings.endpoint().orElse(null), e);
        }
    }
}
