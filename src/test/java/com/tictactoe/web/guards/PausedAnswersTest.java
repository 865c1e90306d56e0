package com.tictactoe.web.guards;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PausedAnswersTest {

    @Test
    void aPausedRequestIsAnsweredAfterThePauseNotBefore() throws Exception {
        try (PausedAnswers answers = new PausedAnswers("test-pauses")) {
            CountDownLatch answered = new CountDownLatch(1);
            long paused = System.nanoTime();
            assertTrue(answers.pause(request(true), waiting -> answered.countDown()));
            assertFalse(answered.await(PausedAnswers.PAUSE.toMillis() - 200, TimeUnit.MILLISECONDS), "not before");
            assertTrue(answered.await(5, TimeUnit.SECONDS), "answered");
            assertTrue(System.nanoTime() - paused >= PausedAnswers.PAUSE.toNanos());
        }
    }

    /** An application undeployed does not leave its paused requests without an answer. */
    @Test
    void closedItAnswersEveryPausedRequestAtOnce() {
        PausedAnswers answers = new PausedAnswers("test-pauses");
        CountDownLatch answered = new CountDownLatch(3);
        for (int i = 0; i < 3; i++) {
            assertTrue(answers.pause(request(true), waiting -> answered.countDown()));
        }
        answers.close();
        assertTrue(answered.getCount() == 0, answered.getCount() + " left without an answer");
    }

    @Test
    void aRequestThatCannotWaitWithoutAThreadIsLeftToTheCaller() {
        try (PausedAnswers answers = new PausedAnswers("test-pauses")) {
            assertFalse(answers.pause(request(false), waiting -> {}));
        }
    }

    private static HttpServletRequest request(boolean asyncSupported) {
        AsyncContext async = (AsyncContext) Proxy.newProxyInstance(
                PausedAnswersTest.class.getClassLoader(), new Class<?>[] {AsyncContext.class}, (p, m, a) -> null);
        return (HttpServletRequest) Proxy.newProxyInstance(
                PausedAnswersTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class},
                (proxy, called, args) -> switch (called.getName()) {
                    case "isAsyncSupported" -> asyncSupported;
                    case "startAsync" -> async;
                    default -> null;
                });
    }
}
