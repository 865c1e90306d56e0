package com.tictactoe.infrastructure;

import com.tictactoe.domain.AccountRepository;
import com.tictactoe.domain.AttemptCounterRepository;
import com.tictactoe.domain.GameRepository;
import com.tictactoe.domain.SignInTokenRepository;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Produces the DynamoDB client and the DAOs, and creates the tables at start-up when asked to. */
@ApplicationScoped
public class DynamoDbResources {

    private static final Logger LOG = Logger.getLogger(DynamoDbResources.class.getName());

    private final DynamoDbSettings settings = DynamoDbSettings.fromEnvironment();

    @Resource
    private ManagedExecutorService executor;

    @Produces
    public DynamoDbSettings settings() {
        return settings;
    }

    @Produces
    @ApplicationScoped
    public DynamoDbClient dynamoDbClient() {
        return DynamoDbClients.create(settings);
    }

    public void close(@Disposes DynamoDbClient client) {
        client.close();
    }

    @Produces
    @ApplicationScoped
    public GameRepository games(DynamoDbClient dynamo) {
        return new DynamoGameDao(dynamo, settings.gamesTable(), executor);
    }

    @Produces
    @ApplicationScoped
    public AccountRepository accounts(DynamoDbClient dynamo) {
        return new DynamoAccountDao(dynamo, settings.usersTable());
    }

    @Produces
    @ApplicationScoped
    public SignInTokenRepository signInTokens(DynamoDbClient dynamo) {
        return new DynamoSignInTokenDao(dynamo, settings.usersTable());
    }

    @Produces
    @ApplicationScoped
    public AttemptCounterRepository attemptCounters(DynamoDbClient dynamo) {
        return new DynamoAttemptCounterDao(dynamo, settings.usersTable());
    }

    void createTables(@Observes @Initialized(ApplicationScoped.class) Object started, DynamoDbClient dynamo) {
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
