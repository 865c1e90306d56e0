package com.tictactoe.testsupport;

import com.tictactoe.application.GameFacade;
import com.tictactoe.application.GameMetrics;
import com.tictactoe.domain.Account;
import com.tictactoe.domain.AccountRepository;
import com.tictactoe.domain.GameRepository;
import com.tictactoe.infrastructure.DynamoAccountDao;
import com.tictactoe.infrastructure.DynamoDbClients;
import com.tictactoe.infrastructure.DynamoDbSettings;
import com.tictactoe.infrastructure.DynamoGameDao;
import com.tictactoe.infrastructure.DynamoRecordDao;
import com.tictactoe.infrastructure.GamesTable;
import com.tictactoe.infrastructure.RecordsTable;
import com.tictactoe.infrastructure.TableBootstrap;
import com.tictactoe.infrastructure.UsersTable;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A Games table of its own on the test run's DynamoDB Local, with the real DAO and facades over
 * it. Each facade has its own memory of games, as separate servers would.
 */
public final class LocalGames implements AutoCloseable {

    private final DynamoDbClient client;
    private final String table;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final DynamoGameDao dao;
    private final String usersTable;
    private final String recordsTable;
    private final DynamoAccountDao accounts;
    private final List<GameServer> servers = new CopyOnWriteArrayList<>();

    private LocalGames(DynamoDbClient client, String table, String usersTable, String recordsTable) {
        this.client = client;
        this.table = table;
        this.dao = new DynamoGameDao(client, table, recordsTable, executor);
        this.usersTable = usersTable;
        this.recordsTable = recordsTable;
        this.accounts = new DynamoAccountDao(client, usersTable);
    }

    public static LocalGames withFreshTable() {
        DynamoDbSettings settings = new DynamoDbSettings(
                Optional.of(URI.create(DynamoDbLocalSession.endpoint())),
                Optional.empty(),
                "Games-" + UUID.randomUUID(),
                "Users-" + UUID.randomUUID(),
                "Records-" + UUID.randomUUID(),
                true);
        DynamoDbClient client = DynamoDbClients.create(settings);
        TableBootstrap.createMissing(
                client,
                List.of(
                        GamesTable.definition(settings.gamesTable()),
                        UsersTable.definition(settings.usersTable()),
                        RecordsTable.definition(settings.recordsTable())));
        return new LocalGames(client, settings.gamesTable(), settings.usersTable(), settings.recordsTable());
    }

    /** The facade of a new server over these tables (see {@link #newServer()}). */
    public GameFacade newFacade() {
        return newServer().facade();
    }

    /** A new server's CDI container over these tables; closed with this store. */
    public GameServer newServer() {
        return newServer(dao);
    }

    /** A new server whose games go through {@code games}, for example a wrapper of {@link #dao()}. */
    public GameServer newServer(GameRepository games) {
        return newServer(games, accounts);
    }

    /** A new server over other repositories, for example ones on a client that plays faults. */
    public GameServer newServer(GameRepository games, AccountRepository accounts) {
        GameServer server = GameServer.over(games, accounts);
        servers.add(server);
        return server;
    }

    public DynamoGameDao dao() {
        return dao;
    }

    /** The facade of a new server that counts into {@code metrics}. */
    public GameFacade newFacade(GameMetrics metrics) {
        GameServer server = GameServer.over(dao, accounts, metrics);
        servers.add(server);
        return server.facade();
    }

    /** Accounts for these players, so that they can be invited (the password does not matter here). */
    public LocalGames register(String... usernames) {
        for (String username : usernames) {
            accounts.create(new Account(username, "not-a-real-hash"));
        }
        return this;
    }

    /** A player of a name of its own ({@link Names#unique}), with an account so that it can be invited. */
    public String registeredPlayer(String name) {
        String player = Names.unique(name);
        register(player);
        return player;
    }

    /** A client of these tables on DynamoDB Local whose every call passes {@code interceptors}; the caller closes it. */
    public DynamoDbClient clientWith(List<ExecutionInterceptor> interceptors) {
        return DynamoDbClients.create(
                new DynamoDbSettings(
                        Optional.of(URI.create(DynamoDbLocalSession.endpoint())),
                        Optional.empty(),
                        table,
                        usersTable,
                        recordsTable,
                        false),
                interceptors);
    }

    public AccountRepository accounts() {
        return accounts;
    }

    public DynamoDbClient client() {
        return client;
    }

    public String usersTable() {
        return usersTable;
    }

    /** The Records table the DAO writes finished games' records to. */
    public String recordsTable() {
        return recordsTable;
    }

    /** A reader of these records, as the server's. */
    public DynamoRecordDao records() {
        return new DynamoRecordDao(client, recordsTable, executor);
    }

    public String table() {
        return table;
    }

    /** The item as stored, read with the low-level client. */
    public Map<String, AttributeValue> rawItem(String gameId) {
        return client.getItem(get -> get.tableName(table)
                        .consistentRead(true)
                        .key(Map.of(GamesTable.GAME_ID, AttributeValue.fromS(gameId))))
                .item();
    }

    public void putRaw(Map<String, AttributeValue> item) {
        client.putItem(put -> put.tableName(table).item(item));
    }

    @Override
    public void close() {
        servers.forEach(GameServer::close);
        client.deleteTable(delete -> delete.tableName(table));
        client.deleteTable(delete -> delete.tableName(usersTable));
        client.deleteTable(delete -> delete.tableName(recordsTable));
        executor.shutdownNow();
        client.close();
    }
}
