package com.tictactoe.deploy;

import static com.tictactoe.deploy.Templates.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tictactoe.infrastructure.DynamoDbResources;
import com.tictactoe.infrastructure.DynamoDbSettings;
import com.tictactoe.infrastructure.GamesTable;
import com.tictactoe.infrastructure.RecordsTable;
import com.tictactoe.infrastructure.UsersTable;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.UpdateTimeToLiveRequest;
import software.amazon.awssdk.services.dynamodb.waiters.DynamoDbWaiter;

/**
 * deploy/tables.yaml defines the tables the code defines, and deploy/iam-policy.yaml grants the
 * calls the code makes, no more: both sides come from the code (the table definitions, and the
 * DynamoDB client calls found in the compiled classes), not from a list kept here.
 */
class DeployTemplatesTest {

    /** Client methods that are no DynamoDB operation. */
    private static final Set<String> NOT_OPERATIONS =
            Set.of("close", "serviceName", "serviceClientConfiguration", "waiter", "utilities", "builder", "create");

    private static final String TABLE_ARN = "arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/";

    private static final JavaClasses PRODUCT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.tictactoe");

    private final Map<String, Object> tables = Templates.cloudFormation(Path.of("deploy/tables.yaml"));
    private final Map<String, Object> policy = Templates.cloudFormation(Path.of("deploy/iam-policy.yaml"));
    private final String games = parameterDefault(tables, "GamesTableName");
    private final String users = parameterDefault(tables, "UsersTableName");
    private final String records = parameterDefault(tables, "RecordsTableName");

    DeployTemplatesTest() throws Exception {}

    @Test
    void tablesHaveTheKeysIndexesAndProjectionsOfTheCode() {
        assertSameTable(GamesTable.definition(games), resource(tables, "Games"));
        assertSameTable(UsersTable.definition(users), resource(tables, "Users"));
        assertSameTable(RecordsTable.definition(records), resource(tables, "Records"));
    }

    @Test
    void tablesExpireWhatTheCodeExpires() {
        Map<String, String> code = new TreeMap<>();
        DynamoDbSettings named = new DynamoDbSettings(Optional.empty(), Optional.empty(), games, users, records, false);
        for (UpdateTimeToLiveRequest ttl : DynamoDbResources.timesToLive(named)) {
            code.put(ttl.tableName(), ttl.timeToLiveSpecification().attributeName());
        }
        Map<String, String> template = new TreeMap<>();
        for (String name : List.of("Games", "Users", "Records")) {
            Map<String, Object> properties = resource(tables, name);
            if (properties.containsKey("TimeToLiveSpecification")) {
                assertEquals(true, at(properties, "TimeToLiveSpecification", "Enabled"));
                template.put(
                        (String) properties.get("TableName"),
                        at(properties, "TimeToLiveSpecification", "AttributeName"));
            }
        }
        assertEquals(code, template);
    }

    @Test
    void tablesAreKeptRecoverableAndEncrypted() {
        for (String name : List.of("Games", "Users", "Records")) {
            Map<String, Object> table = at(tables, "Resources", name);
            assertEquals("Retain", table.get("DeletionPolicy"), name);
            assertEquals("Retain", table.get("UpdateReplacePolicy"), name);
            assertEquals(true, at(table, "Properties", "DeletionProtectionEnabled"), name);
            assertEquals(
                    true,
                    at(table, "Properties", "PointInTimeRecoverySpecification", "PointInTimeRecoveryEnabled"),
                    name);
            assertEquals(true, at(table, "Properties", "SSESpecification", "SSEEnabled"), name);
        }
    }

    @Test
    void thePolicyNamesTheTablesOfTheTablesTemplate() {
        assertEquals(games, parameterDefault(policy, "GamesTableName"));
        assertEquals(users, parameterDefault(policy, "UsersTableName"));
        assertEquals(records, parameterDefault(policy, "RecordsTableName"));
    }

    @Test
    void thePolicyGrantsExactlyWhatTheCodeCallsWhenTheTablesComeFromCloudFormation() {
        assertEquals(calledActions(false), grantedActions(Set.of()));
    }

    @Test
    void thePolicyGrantsExactlyWhatTheCodeCallsWhenTheAppCreatesItsTables() {
        assertEquals(calledActions(true), grantedActions(Set.of("CreatesTables")));
    }

    @Test
    void theCallsAreFoundInTheCompiledClasses() {
        // guards the scan itself: if it found nothing, equal empty sets would prove nothing
        Map<String, Set<String>> called = calledActions(true);
        assertTrue(called.get(TABLE_ARN + games).contains("dynamodb:UpdateItem"), called.toString());
        assertTrue(called.get("*").contains("dynamodb:ListTables"), called.toString());
    }

    /** Table or index ARN (or *) to the actions the policy allows there, with these conditions true. */
    @SuppressWarnings("unchecked")
    private Map<String, Set<String>> grantedActions(Set<String> trueConditions) {
        Map<String, Object> document = (Map<String, Object>) Templates.resolve(
                at(policy, "Resources", "Policy", "Properties", "PolicyDocument"), policy, trueConditions);
        Map<String, Set<String>> granted = new TreeMap<>();
        for (Map<String, Object> statement : (List<Map<String, Object>>) document.get("Statement")) {
            assertEquals("Allow", statement.get("Effect"));
            for (String resource : strings(statement.get("Resource"))) {
                for (String action : strings(statement.get("Action"))) {
                    assertFalse(action.contains("*"), "no wildcard actions: " + action);
                    granted.computeIfAbsent(resource, r -> new TreeSet<>()).add(action);
                }
            }
        }
        return granted;
    }

    /**
     * Table or index ARN (or *) to the IAM actions of the DynamoDB calls in the compiled classes.
     * Which table a class calls comes from DynamoDbResources: the method that makes (or calls) it
     * passes the settings' games or users table. Calls made only where the settings say to create
     * tables (see {@link #onlyWhenCreatingTables}) count only when the app creates its tables.
     */
    private Map<String, Set<String>> calledActions(boolean appCreatesTables) {
        Map<String, Set<String>> actions = new TreeMap<>();
        Set<JavaClass> attributed = new HashSet<>();
        Set<JavaMethod> creatingTables = onlyWhenCreatingTables(PRODUCT.get(DynamoDbResources.class));
        for (JavaMethod method : PRODUCT.get(DynamoDbResources.class).getMethods()) {
            Set<String> settingsRead = settingsRead(method);
            boolean counts = appCreatesTables || !creatingTables.contains(method);
            List<CreateTableRequest> tablesUsed = new ArrayList<>();
            if (settingsRead.contains("gamesTable")) {
                tablesUsed.add(GamesTable.definition(games));
            }
            if (settingsRead.contains("usersTable")) {
                tablesUsed.add(UsersTable.definition(users));
            }
            if (settingsRead.contains("recordsTable")) {
                tablesUsed.add(RecordsTable.definition(records));
            }
            // A class that makes a transaction's updates for the tables this method names, for
            // another class to send (RecordUpdates): DynamoDB checks each update as an UpdateItem.
            method.getConstructorCallsFromSelf().stream()
                    .map(JavaAccess::getTargetOwner)
                    .filter(DeployTemplatesTest::makesTransactionUpdates)
                    .forEach(maker -> {
                        for (CreateTableRequest table : counts ? tablesUsed : List.<CreateTableRequest>of()) {
                            actions.computeIfAbsent(TABLE_ARN + table.tableName(), r -> new TreeSet<>())
                                    .add("dynamodb:UpdateItem");
                        }
                    });
            Stream.concat(method.getConstructorCallsFromSelf().stream(), method.getMethodCallsFromSelf().stream())
                    .map(JavaAccess::getTargetOwner)
                    .filter(owner -> !clientOperations(owner).isEmpty())
                    .forEach(caller -> {
                        attributed.add(caller);
                        for (String operation : counts ? clientOperations(caller) : Set.<String>of()) {
                            for (CreateTableRequest table : tablesUsed) {
                                for (String resource : resourcesOf(operation, table)) {
                                    actions.computeIfAbsent(resource, r -> new TreeSet<>())
                                            .add("dynamodb:" + operation);
                                }
                            }
                        }
                    });
        }
        for (JavaClass each : PRODUCT) {
            if (!clientOperations(each).isEmpty() && !each.isEquivalentTo(DynamoDbResources.class)) {
                assertTrue(
                        attributed.contains(each),
                        each.getName() + " calls DynamoDB, but DynamoDbResources does not show which table: "
                                + clientOperations(each));
            }
        }
        return actions;
    }

    /**
     * The methods that run only when the settings say to create tables: those that ask
     * {@code createTables()}, and those called only by such methods (or by themselves, as a retry).
     */
    private static Set<JavaMethod> onlyWhenCreatingTables(JavaClass resources) {
        Set<JavaMethod> guarded = new HashSet<>();
        for (JavaMethod method : resources.getMethods()) {
            if (settingsRead(method).contains("createTables")) {
                guarded.add(method);
            }
        }
        boolean grew = true;
        while (grew) {
            grew = false;
            for (JavaMethod method : resources.getMethods()) {
                Set<Object> callers = new HashSet<>();
                method.getCallsOfSelf().forEach(call -> callers.add(call.getOrigin()));
                method.getReferencesToSelf().forEach(reference -> callers.add(reference.getOrigin()));
                callers.remove(method);
                if (!guarded.contains(method) && !callers.isEmpty() && guarded.containsAll(callers)) {
                    guarded.add(method);
                    grew = true;
                }
            }
        }
        return guarded;
    }

    private static boolean makesTransactionUpdates(JavaClass owner) {
        return owner.getMethodCallsFromSelf().stream()
                .anyMatch(call -> call.getTargetOwner().isAssignableTo(TransactWriteItem.Builder.class)
                        && call.getName().equals("update"));
    }

    /** No class puts, deletes or checks items in a transaction: its IAM action is then UpdateItem alone. */
    @Test
    void transactionsHoldUpdatesOnly() {
        for (JavaClass each : PRODUCT) {
            each.getMethodCallsFromSelf().stream()
                    .filter(call -> call.getTargetOwner().isAssignableTo(TransactWriteItem.Builder.class))
                    .filter(call -> !call.getName().equals("build"))
                    .forEach(call -> assertEquals("update", call.getName(), each.getName()));
        }
    }

    private static Set<String> settingsRead(JavaMethod method) {
        Set<String> read = new HashSet<>();
        method.getMethodCallsFromSelf().stream()
                .filter(call -> call.getTargetOwner().isEquivalentTo(DynamoDbSettings.class))
                .forEach(call -> read.add(call.getName()));
        return read;
    }

    /** The DynamoDB operations a class calls on the client (or its waiter), as IAM names them. */
    private static Set<String> clientOperations(JavaClass caller) {
        Set<String> operations = new TreeSet<>();
        Stream.concat(caller.getMethodCallsFromSelf().stream(), caller.getMethodReferencesFromSelf().stream())
                .forEach(access -> {
                    String name = access.getName();
                    if (access.getTargetOwner().isAssignableTo(DynamoDbClient.class)
                            && !NOT_OPERATIONS.contains(name)) {
                        String operation = name.endsWith("Paginator")
                                ? name.substring(0, name.length() - "Paginator".length())
                                : name;
                        // IAM has no action of a transaction's own: each of its updates is an UpdateItem.
                        operation = operation.equals("transactWriteItems") ? "updateItem" : operation;
                        operations.add(operation.substring(0, 1).toUpperCase(Locale.ROOT) + operation.substring(1));
                    } else if (access.getTargetOwner().isAssignableTo(DynamoDbWaiter.class)
                            && name.startsWith("waitUntilTable")) {
                        operations.add("DescribeTable");
                    }
                });
        return operations;
    }

    /**
     * Queries go to the indexes, and to the table itself where its key has a sort key (a table with
     * a partition key alone holds one item per key, which is read, not queried); ListTables to no
     * table, the rest to the table.
     */
    private List<String> resourcesOf(String operation, CreateTableRequest table) {
        return switch (operation) {
            case "ListTables" -> List.of("*");
            case "Query" ->
                Stream.concat(
                                table.keySchema().size() > 1
                                        ? Stream.of(TABLE_ARN + table.tableName())
                                        : Stream.<String>empty(),
                                table.globalSecondaryIndexes().stream()
                                        .map(index -> TABLE_ARN + table.tableName() + "/index/" + index.indexName()))
                        .toList();
            default -> List.of(TABLE_ARN + table.tableName());
        };
    }

    @SuppressWarnings("unchecked")
    private void assertSameTable(CreateTableRequest code, Map<String, Object> template) {
        String name = code.tableName();
        assertEquals(name, template.get("TableName"));
        assertEquals(code.billingModeAsString(), template.get("BillingMode"), name);
        assertEquals(
                new TreeSet<>(code.attributeDefinitions().stream()
                        .map(a -> a.attributeName() + ":" + a.attributeTypeAsString())
                        .toList()),
                new TreeSet<>(((List<Map<String, Object>>) template.get("AttributeDefinitions"))
                        .stream()
                                .map(a -> a.get("AttributeName") + ":" + a.get("AttributeType"))
                                .toList()),
                name + " attributes");
        assertEquals(
                keys(code.keySchema()), keys((List<Map<String, Object>>) template.get("KeySchema")), name + " key");

        Map<String, String> codeIndexes = new TreeMap<>();
        for (GlobalSecondaryIndex index : code.globalSecondaryIndexes()) {
            codeIndexes.put(
                    index.indexName(),
                    keys(index.keySchema()) + " " + index.projection().projectionTypeAsString() + " "
                            + new TreeSet<>(index.projection().nonKeyAttributes()));
        }
        Map<String, String> templateIndexes = new TreeMap<>();
        for (Map<String, Object> index :
                (List<Map<String, Object>>) template.getOrDefault("GlobalSecondaryIndexes", List.of())) {
            Map<String, Object> projection = (Map<String, Object>) index.get("Projection");
            templateIndexes.put(
                    (String) index.get("IndexName"),
                    keys((List<Map<String, Object>>) index.get("KeySchema"))
                            + " " + projection.get("ProjectionType")
                            + " "
                            + new TreeSet<>((List<String>) projection.getOrDefault("NonKeyAttributes", List.of())));
        }
        assertEquals(codeIndexes, templateIndexes, name + " indexes: key, projection type, projected attributes");
        assertFalse(template.containsKey("LocalSecondaryIndexes") || code.hasLocalSecondaryIndexes(), name);
    }

    private static String keys(List<?> schema) {
        List<String> keys = new ArrayList<>();
        for (Object element : schema) {
            if (element instanceof KeySchemaElement key) {
                keys.add(key.attributeName() + ":" + key.keyTypeAsString());
            } else {
                Map<?, ?> key = (Map<?, ?>) element;
                keys.add(key.get("AttributeName") + ":" + key.get("KeyType"));
            }
        }
        return keys.toString();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> resource(Map<String, Object> template, String name) {
        return (Map<String, Object>)
                Templates.resolve(at(template, "Resources", name, "Properties"), template, Set.of());
    }

    private static String parameterDefault(Map<String, Object> template, String parameter) {
        return String.valueOf((Object) at(template, "Parameters", parameter, "Default"));
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object value) {
        return value instanceof List<?> list ? (List<String>) list : List.of((String) value);
    }
}
