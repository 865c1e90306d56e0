package com.tictactoe.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tictactoe.application.AttemptLimits.Limit;
import com.tictactoe.domain.Account;
import com.tictactoe.domain.AccountRepository;
import com.tictactoe.domain.SignInTokenRepository;
import com.tictactoe.domain.UserIds;
import com.tictactoe.infrastructure.DynamoAccountDao;
import com.tictactoe.infrastructure.DynamoAttemptCounterDao;
import com.tictactoe.infrastructure.DynamoSignInTokenDao;
import com.tictactoe.infrastructure.UsersTable;
import com.tictactoe.testsupport.LocalGames;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Sign-up, sign-in and name look-ups as the container wires them (Weld), over the real DAOs on
 * DynamoDB Local. Only the password hash is a fast stand-in for the app's PBKDF2.
 */
@EnableWeld
@TestInstance(TestInstance.Lifecycle.PER_CLASS) // one container for the class: tests share no state but the table
class AccountServiceOnDynamoDbTest {

    /** Never limited nor counted, as a load test's address. */
    private static final String UNLIMITED = "10.99.99.99";

    private static final String PASSWORD = "correct horse battery";

    /** The table is new for each run, and every test counts from addresses of its own. */
    private static final Instant HOUR = Instant.parse("2032-01-01T00:01:00Z");

    private static LocalGames store;
    private static DynamoDbClient client;
    private static String table;
    private static final RecordingGameMetrics METRICS = new RecordingGameMetrics();

    /** What the container would inject; only the hash is a stand-in. */
    static class Resources {
        @Produces
        AccountRepository accounts() {
            return new DynamoAccountDao(client, table);
        }

        @Produces
        GameMetrics metrics() {
            return METRICS;
        }

        @Produces
        SignInTokenRepository tokens() {
            return new DynamoSignInTokenDao(client, table);
        }

        @Produces
        PasswordHashes passwordHash() {
            return new RecordingPasswordHash();
        }

        @Produces
        AttemptLimits limits() {
            return new AttemptLimits(
                    new DynamoAttemptCounterDao(client, table), Clock.fixed(HOUR, ZoneOffset.UTC), Set.of(UNLIMITED));
        }
    }

    @WeldSetup
    WeldInitiator weld = WeldInitiator.from(AccountService.class, SignInTokens.class, Resources.class)
            .build();

    @BeforeAll
    static void createTable() {
        store = LocalGames.withFreshTable();
        client = store.client();
        table = store.usersTable();
    }

    @AfterAll
    static void dropTable() {
        store.close();
    }

    /** The account's name as stored, looked up the way sign-in and invitations look it up. */
    private static Optional<String> registered(String name) {
        if (name == null || !UserIds.isValid(name.trim())) {
            return Optional.empty();
        }
        return new DynamoAccountDao(client, table).find(name.trim()).map(Account::username);
    }

    private AccountService service() {
        return weld.select(AccountService.class).get();
    }

    private static String someone() {
        return "p" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Someone new, signed up with {@link #PASSWORD} from an address never limited. */
    private static String signedUp(AccountService service) {
        String name = someone();
        service.signUp(name, PASSWORD, UNLIMITED);
        return name;
    }

    private static String someAddress() {
        return "10." + (int) (Math.random() * 200) + "." + (int) (Math.random() * 250) + "."
                + (int) (Math.random() * 250);
    }

    private static String signUpRefusal(AccountService service, String username, String password) {
        SignUpException refused =
                assertThrows(SignUpException.class, () -> service.signUp(username, password, UNLIMITED));
        return PasswordPolicyTest.englishOf(refused.key(), refused.arguments());
    }

    private Map<String, AttributeValue> storedAccount(String username) {
        return client.getItem(get -> get.tableName(table)
                        .consistentRead(true)
                        .key(Map.of(UsersTable.USER_KEY, AttributeValue.fromS(username.toLowerCase()))))
                .item();
    }

    @Test
    void aSignUpStoresTheNameAsTypedAndOnlyAHashOfThePassword() {
        String name = "Zed" + someone();
        assertEquals(
                name, service().signUp("  " + name + " ", PASSWORD, UNLIMITED), "spaces around the name are dropped");
        Map<String, AttributeValue> item = storedAccount(name);
        assertEquals(name, item.get(UsersTable.USERNAME).s());
        String hash = item.get(UsersTable.PASSWORD_HASH).s();
        assertTrue(hash.startsWith(RecordingPasswordHash.PREFIX), "the hash as the hasher wrote it: " + hash);
        assertTrue(!hash.contains(PASSWORD));
        assertEquals(Optional.of(name), registered(name.toUpperCase()));
        assertEquals(Optional.of(name), registered(" " + name.toLowerCase() + " "));
    }

    @Test
    void aSignUpExplainsWhatIsWrongWithTheName() {
        AccountService service = service();
        String shape = "A username has 3 to 20 letters, digits, '_' or '-'.";
        assertEquals(shape, signUpRefusal(service, null, PASSWORD));
        assertEquals(shape, signUpRefusal(service, "   ", PASSWORD));
        assertEquals(shape, signUpRefusal(service, "no way", PASSWORD));
        assertEquals("That username is reserved. Please choose another.", signUpRefusal(service, " TIE ", PASSWORD));
        String name = signedUp(service);
        assertEquals(
                "That username is taken. Please choose another.",
                signUpRefusal(service, name.toUpperCase(), "another good one"));
    }

    @Test
    void aSignUpChecksThePasswordBeforeHashingOrCountingIt() {
        AccountService service = service();
        int hashes = RecordingPasswordHash.GENERATED.get();
        String address = someAddress();
        for (int i = 0; i < Limit.SIGN_UPS_FROM_ADDRESS.max() + 2; i++) {
            String name = someone();
            assertThrows(SignUpException.class, () -> service.signUp(name, "password", address));
            assertThrows(SignUpException.class, () -> service.signUp(name, name, address));
        }
        assertEquals(hashes, RecordingPasswordHash.GENERATED.get(), "no hash for a refused password");
        String name = someone();
        assertEquals(name, service.signUp(name, PASSWORD, address), "refused passwords were not counted");
        assertEquals(
                "A password has at least 8 characters, not counting spaces at either end.",
                signUpRefusal(service, someone(), "short"));
    }

    @Test
    void signUpsFromOneAddressAreLimited() {
        AccountService service = service();
        String address = someAddress();
        for (int i = 0; i < Limit.SIGN_UPS_FROM_ADDRESS.max(); i++) {
            service.signUp(someone(), PASSWORD, address);
        }
        int hashes = RecordingPasswordHash.GENERATED.get();
        String late = someone();
        SignUpException refused = assertThrows(SignUpException.class, () -> service.signUp(late, PASSWORD, address));
        assertEquals(Limit.SIGN_UPS_FROM_ADDRESS.key(), refused.key());
        assertEquals(hashes, RecordingPasswordHash.GENERATED.get(), "a refused sign-up costs no hash");
        assertEquals(Optional.empty(), registered(late), "nor stores anything");
        assertEquals(late, service.signUp(late, PASSWORD, someAddress()), "another address may");
    }

    @Test
    void theRightPasswordSignsInWithTheNameAsSignedUp() {
        AccountService service = service();
        String name = "Kim" + someone();
        service.signUp(name, PASSWORD, UNLIMITED);
        SignInResult result = service.verify(" " + name.toLowerCase() + " ", PASSWORD, someAddress());
        assertEquals(Optional.of(name), result.player());
        assertEquals(Optional.empty(), result.refusal());
    }

    @Test
    void aWrongPasswordOrAnUnknownNameIsJustWrong() {
        AccountService service = service();
        String name = signedUp(service);
        SignInResult wrong = service.verify(name, PASSWORD + "!", someAddress());
        assertEquals(Optional.empty(), wrong.player());
        assertEquals(Optional.empty(), wrong.refusal());

        int verified = RecordingPasswordHash.VERIFIED.get();
        SignInResult unknown = service.verify(someone(), PASSWORD, someAddress());
        assertEquals(SignInResult.wrong(), unknown);
        assertEquals(verified + 1, RecordingPasswordHash.VERIFIED.get(), "an unknown name costs a hash too");

        assertEquals(SignInResult.wrong(), service.verify(null, PASSWORD, someAddress()));
        assertEquals(SignInResult.wrong(), service.verify(name, null, someAddress()));
        assertEquals(SignInResult.wrong(), service.verify("no such name!", PASSWORD, someAddress()));
        assertEquals(verified + 1, RecordingPasswordHash.VERIFIED.get(), "nothing to hash for impossible names");
    }

    @Test
    void passwordsOfUpToTheMaximumLengthAreChecked() {
        AccountService service = service();
        String name = someone();
        String longest = "Zq9!".repeat(AccountService.MAX_PASSWORD_LENGTH / 4);
        assertEquals(AccountService.MAX_PASSWORD_LENGTH, longest.length());
        service.signUp(name, longest, UNLIMITED);
        assertEquals(
                Optional.of(name), service.verify(name, longest, someAddress()).player());
        int verified = RecordingPasswordHash.VERIFIED.get();
        assertEquals(SignInResult.wrong(), service.verify(name, longest + "x", someAddress()));
        assertEquals(verified, RecordingPasswordHash.VERIFIED.get(), "a longer one is not even hashed");
    }

    @Test
    void failedSignInsAreLimitedAndThePasswordIsThenNotChecked() {
        AccountService service = service();
        String name = signedUp(service);
        String guesser = someAddress();
        for (int i = 0; i < Limit.ACCOUNT_FROM_ADDRESS.max(); i++) {
            assertEquals(SignInResult.wrong(), service.verify(name, "guess " + i, guesser));
        }
        int verified = RecordingPasswordHash.VERIFIED.get();
        SignInResult refused = service.verify(name, PASSWORD, guesser);
        assertEquals(Optional.empty(), refused.player(), "even the right password waits");
        assertEquals(Limit.ACCOUNT_FROM_ADDRESS, refused.refusal().orElseThrow().limit());
        assertEquals(verified, RecordingPasswordHash.VERIFIED.get());
        assertEquals(
                Optional.of(name), service.verify(name, PASSWORD, someAddress()).player(), "from elsewhere it works");
    }

    @Test
    void signInsAreCountedByHowTheyEnded() {
        AccountService service = service();
        String name = signedUp(service);
        String address = someAddress();
        METRICS.clear();
        service.verify(name, PASSWORD, address);
        service.verify(name, "not " + PASSWORD, address);
        service.verify(someone(), PASSWORD, address);
        service.verify("no such name!", PASSWORD, address);
        assertEquals(
                List.of("sign-in SUCCEEDED", "sign-in REFUSED", "sign-in REFUSED", "sign-in REFUSED"),
                METRICS.counted());
        for (int i = 0; i < Limit.ACCOUNT_FROM_ADDRESS.max(); i++) {
            service.verify(name, "guess " + i, address);
        }
        METRICS.clear();
        service.verify(name, PASSWORD, address);
        assertEquals(List.of("sign-in LIMITED"), METRICS.counted());
    }

    @Test
    void rightSignInsAreNotCountedAsFailures() {
        AccountService service = service();
        String name = signedUp(service);
        String home = someAddress();
        for (int i = 0; i < 2 * Limit.ACCOUNT_FROM_ADDRESS.max(); i++) {
            assertEquals(Optional.of(name), service.verify(name, PASSWORD, home).player(), "sign-in " + (i + 1));
        }
    }

    @Test
    void onlyValidNamesAreLookedUp() {
        AccountService service = service();
        assertEquals(Optional.empty(), registered(null));
        assertEquals(Optional.empty(), registered("x"));
        assertEquals(Optional.empty(), registered(someone()));
    }

    @Test
    void theHashForUnknownNamesIsMadeOnceForAllInstances() {
        service();
        int hashes = RecordingPasswordHash.GENERATED.get();
        AccountService another = service();
        assertEquals(hashes, RecordingPasswordHash.GENERATED.get());
        assertEquals(SignInResult.wrong(), another.verify(someone(), PASSWORD, someAddress()));
    }

    @Test
    void aFreshServerMakesTheHashForUnknownNamesAtStartUp() throws Exception {
        java.lang.reflect.Field shared = AccountService.class.getDeclaredField("unknownAccountHash");
        shared.setAccessible(true);
        shared.set(null, null); // as when the class is first loaded
        int hashes = RecordingPasswordHash.GENERATED.get();
        AccountService service = service();
        assertEquals(hashes + 1, RecordingPasswordHash.GENERATED.get());
        assertEquals(SignInResult.wrong(), service.verify(someone(), PASSWORD, someAddress()));
    }

    @Test
    void aNameTheStoreHoldsButThatIsNoValidNameIsNotLookedUp() {
        // Written by hand or by the original app: no sign-up can make such a name.
        new DynamoAccountDao(client, table).create(new com.tictactoe.domain.Account("bad name", "x:y:z"));
        assertEquals(Optional.empty(), registered("bad name"));
        assertEquals(SignInResult.wrong(), service().verify("bad name", PASSWORD, someAddress()));
    }

    @Test
    void anUnlimitedAddressSignsInWithoutBeingCounted() {
        AccountService service = service();
        String name = signedUp(service);
        for (int i = 0; i < Limit.ACCOUNT_FROM_ADDRESS.max() + 1; i++) {
            assertEquals(SignInResult.wrong(), service.verify(name, "wrong " + i, UNLIMITED));
        }
        assertEquals(
                Optional.of(name), service.verify(name, PASSWORD, UNLIMITED).player());
    }

    @Test
    void onlyWellFormedTokensAreLookedUpWhateverTheTableHolds() {
        String malformed = "short-token";
        new DynamoSignInTokenDao(client, table)
                .store(SignInTokens.hash(malformed), "mallory", Instant.now().plus(SignInTokens.LIFETIME));
        SignInTokens tokens = weld.select(SignInTokens.class).get();
        assertEquals(Optional.empty(), tokens.playerFor(malformed));
        tokens.revoke(malformed);
        assertEquals(
                Optional.of("mallory"),
                new DynamoSignInTokenDao(client, table).usernameFor(SignInTokens.hash(malformed), Instant.now()),
                "nor revoked");
    }

    @Test
    void aSignInTokenSignsInItsPlayerUntilRevoked() {
        SignInTokens tokens = weld.select(SignInTokens.class).get();
        String token = tokens.issue("alice");
        assertTrue(token.matches("[A-Za-z0-9_-]{43}"), token);
        assertNotEquals(token, tokens.issue("alice"), "every token is new");
        assertEquals(Optional.of("alice"), tokens.playerFor(token));

        Map<String, AttributeValue> stored = client.getItem(get -> get.tableName(table)
                        .consistentRead(true)
                        .key(Map.of(UsersTable.USER_KEY, AttributeValue.fromS("~signin~" + SignInTokens.hash(token)))))
                .item();
        assertEquals("alice", stored.get(UsersTable.USERNAME).s(), "kept by its hash only");
        long expires = Long.parseLong(stored.get(UsersTable.EXPIRES_AT).n());
        long inThirtyDays = Instant.now().plus(SignInTokens.LIFETIME).getEpochSecond();
        assertTrue(Math.abs(expires - inThirtyDays) < 60, "expires in 30 days: " + expires);

        tokens.revoke(token);
        assertEquals(Optional.empty(), tokens.playerFor(token));
    }

    @Test
    void malformedTokensSignNobodyIn() {
        SignInTokens tokens = weld.select(SignInTokens.class).get();
        String token = tokens.issue("bob");
        assertEquals(Optional.empty(), tokens.playerFor(null));
        assertEquals(Optional.empty(), tokens.playerFor(token + "A"));
        assertEquals(Optional.empty(), tokens.playerFor(token.substring(1) + "="));
        assertEquals(Optional.empty(), tokens.playerFor("A".repeat(43)), "well formed, but never issued");
        tokens.revoke(null);
        tokens.revoke(token + "A");
        assertEquals(Optional.of("bob"), tokens.playerFor(token), "a malformed revoke touches nothing");
    }

    @Test
    void tokensAreHashedWithSha256() {
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", SignInTokens.hash("abc"));
    }

    /**
     * A double click, or several tabs: right passwords sent at once from one address all get in.
     * Counted before hashing and all in flight together, the first five would otherwise have filled
     * the failure counter and the rest been refused; afterwards the full allowance of failures is left.
     */
    @Test
    void rightPasswordsSentAtOnceAllSignInAndCountNothing() throws Exception {
        AccountService service = service();
        String name = signedUp(service);
        String address = someAddress();
        int tabs = 8;
        java.util.concurrent.CountDownLatch ready = new java.util.concurrent.CountDownLatch(tabs);
        java.util.concurrent.ExecutorService clicks = java.util.concurrent.Executors.newFixedThreadPool(tabs);
        try {
            java.util.List<java.util.concurrent.Future<SignInResult>> results = new java.util.ArrayList<>();
            for (int i = 0; i < tabs; i++) {
                results.add(clicks.submit(() -> {
                    ready.countDown();
                    ready.await();
                    return service.verify(name, PASSWORD, address);
                }));
            }
            for (java.util.concurrent.Future<SignInResult> result : results) {
                assertEquals(
                        Optional.of(name),
                        result.get(1, java.util.concurrent.TimeUnit.MINUTES).player());
            }
        } finally {
            clicks.shutdownNow();
        }
        for (int failure = 1; failure <= AttemptLimits.Limit.ACCOUNT_FROM_ADDRESS.max(); failure++) {
            assertTrue(
                    service.verify(name, "not the password", address).refusal().isEmpty(),
                    "failure " + failure + " is checked");
        }
        assertEquals(
                AttemptLimits.Limit.ACCOUNT_FROM_ADDRESS,
                service.verify(name, "not the password", address)
                        .refusal()
                        .orElseThrow()
                        .limit());
    }
}
