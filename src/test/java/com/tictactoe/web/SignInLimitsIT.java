package com.tictactoe.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tictactoe.testsupport.BoundWebClient;
import com.tictactoe.testsupport.BoundWebClient.Response;
import com.tictactoe.testsupport.Deployments;
import com.tictactoe.testsupport.Names;
import com.tictactoe.testsupport.WebClient;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Sign-in and sign-up limits and the password policy, over real HTTP. Clients at different
 * addresses are sockets bound to 127.0.0.2, 127.0.0.3, ...: the server sees them as different
 * clients. 127.0.0.1, where the other integration tests come from, is listed in
 * {@code tictactoe.limits.unlimited-addresses} for the test run (see the POM).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SignInLimitsIT {

    private static final String PASSWORD = "s3cret-enough";
    private static final String SPRAYED = "Autumn-leaves-7";
    private static final Pattern TRY_AGAIN_IN = Pattern.compile("Please try again in \\d+ (minutes?|seconds?)\\.");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.builtWar();
    }

    @ArquillianResource
    private URL base;

    /**
     * A test that needs a few seconds of one window starts afresh if the window is about to end:
     * each takes seconds, so a window that ends within 20 s is waited out.
     */
    private static void notAtTheEndOfAWindow(long windowSeconds) throws InterruptedException {
        long intoWindow = System.currentTimeMillis() / 1000 % windowSeconds;
        if (intoWindow > windowSeconds - 20) {
            Thread.sleep((windowSeconds - intoWindow + 1) * 1000);
        }
    }

    private static boolean signedIn(Response response) {
        return response.status() == 302
                && !response.headers().getOrDefault("location", "").contains("signin");
    }

    @Test
    void oneClientSprayingOnePasswordOverManyAccountsIsStoppedWhileTheOwnersGetIn() throws Exception {
        notAtTheEndOfAWindow(15 * 60);
        List<String> accounts = new ArrayList<>();
        for (int i = 0; i < 22; i++) {
            accounts.add(Names.unique("spray" + i));
        }
        WebClient registrar = new WebClient(base);
        for (String owner : List.of(accounts.get(3), accounts.get(20), accounts.get(21))) {
            assertEquals(302, registrar.signUp(owner, PASSWORD).statusCode(), "signed up " + owner);
        }

        BoundWebClient sprayer = new BoundWebClient(base, "127.0.0.2");
        long started = System.nanoTime();
        for (int i = 0; i < 20; i++) {
            Response wrong = sprayer.signIn(accounts.get(i), SPRAYED);
            assertEquals(200, wrong.status());
            assertTrue(wrong.body().contains("Wrong username or password."), "account " + (i + 1));
        }
        for (int i = 20; i < 22; i++) {
            Response refused = sprayer.signIn(accounts.get(i), SPRAYED);
            assertEquals(200, refused.status());
            assertTrue(refused.body().contains("Too many failed sign-ins from your address."), "account " + (i + 1));
            assertTrue(TRY_AGAIN_IN.matcher(refused.body()).find(), "says how long to wait");
        }
        Response rightButRefused = sprayer.signIn(accounts.get(21), PASSWORD);
        assertFalse(signedIn(rightButRefused), "from that address, not even the right password gets in now");
        assertTrue(rightButRefused.body().contains("Too many failed sign-ins from your address."));
        System.out.printf(
                "SignInLimitsIT: 22 accounts sprayed from 127.0.0.2 in %d ms%n",
                (System.nanoTime() - started) / 1_000_000);

        BoundWebClient owner = new BoundWebClient(base, "127.0.0.3");
        assertTrue(signedIn(owner.signIn(accounts.get(3), PASSWORD)), "the owner of a sprayed account, from elsewhere");
        assertEquals(200, owner.get("/").status(), "and sees the lobby");
        assertTrue(
                signedIn(new BoundWebClient(base, "127.0.0.3").signIn(accounts.get(20), PASSWORD)),
                "another owner, at an account the sprayer was refused at");
    }

    @Test
    void guessingAtOneAccountMakesOnlyTheGuesserWait() throws Exception {
        notAtTheEndOfAWindow(15 * 60);
        String name = Names.unique("judy");
        assertEquals(302, new WebClient(base).signUp(name, PASSWORD).statusCode());

        BoundWebClient guesser = new BoundWebClient(base, "127.0.0.4");
        for (int i = 0; i < 5; i++) {
            assertTrue(guesser.signIn(name, "wrong-password-" + i).body().contains("Wrong username or password."));
        }
        Response refused = guesser.signIn(name.toUpperCase(), PASSWORD);
        assertFalse(signedIn(refused), "the guesser's sixth try waits, even with the right password");
        assertTrue(refused.body().contains("Too many failed attempts for this account from your address."));
        assertTrue(TRY_AGAIN_IN.matcher(refused.body()).find());

        BoundWebClient judy = new BoundWebClient(base, "127.0.0.5");
        assertTrue(signedIn(judy.signIn(name, PASSWORD)), "the owner, from her own address, is not locked out");
        assertEquals(200, judy.get("/").status());
    }

    @Test
    void aSignUpFloodFromOneAddressIsRefused() throws Exception {
        notAtTheEndOfAWindow(60 * 60);
        BoundWebClient flood = new BoundWebClient(base, "127.0.0.6");
        for (int i = 0; i < 10; i++) {
            assertEquals(302, flood.signUp(Names.unique("flood" + i), PASSWORD).status(), "sign-up " + (i + 1));
        }
        String last = Names.unique("flood10");
        Response refused = flood.signUp(last, PASSWORD);
        assertEquals(200, refused.status());
        assertTrue(refused.body().contains("Too many accounts have been created from your address."), refused.body());
        assertTrue(TRY_AGAIN_IN.matcher(refused.body()).find());
        assertTrue(
                new BoundWebClient(base, "127.0.0.7")
                        .signIn(last, PASSWORD)
                        .body()
                        .contains("Wrong username or password."),
                "the refused account was not created");

        assertEquals(
                302,
                new BoundWebClient(base, "127.0.0.7")
                        .signUp(Names.unique("other"), PASSWORD)
                        .status(),
                "another address signs up");
    }

    @Test
    void theAddressesTheTestsComeFromAreNotLimited() {
        WebClient local = new WebClient(base);
        for (int i = 0; i < 11; i++) {
            assertEquals(302, local.signUp(Names.unique("local" + i), PASSWORD).statusCode(), "sign-up " + (i + 1));
        }
    }

    @Test
    void passwordsThatAreNoPasswordsAreRefusedWithAReason() {
        WebClient visitor = new WebClient(base);
        String[][] cases = {
            {"        ", "A password cannot be only spaces. Please choose another."},
            {"password123", "That password is one of the most common ones, which attackers try first."},
            {"Iloveyou", "That password is one of the most common ones, which attackers try first."},
            {"  short  ", "A password has at least 8 characters, not counting spaces at either end."},
            {"", "Please choose a password."}
        };
        for (String[] refusal : cases) {
            String name = Names.unique("kim");
            HttpResponse<String> answer = visitor.signUp(name, refusal[0]);
            assertEquals(200, answer.statusCode(), "[" + refusal[0] + "]");
            assertTrue(answer.body().contains(refusal[1]), "[" + refusal[0] + "]: " + refusal[1]);
            assertFalse(answer.body().contains("The two passwords differ"));
            assertTrue(
                    visitor.signIn(name, refusal[0]).body().contains("Wrong username or password."),
                    "no account was made");
        }
    }
}
