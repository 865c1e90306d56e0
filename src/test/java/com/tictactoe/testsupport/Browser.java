package com.tictactoe.testsupport;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One person's headless Chromium, with a profile of its own so that cookies are never shared,
 * and the few things a player does on the site.
 */
public final class Browser implements AutoCloseable {

    private static final Duration PATIENCE = Duration.ofSeconds(15);
    /**
     * How often a wait looks again. WebDriverWait's own half second was, on average, a quarter of a
     * second lost after each change a test waits for: a few hundred of them in a run.
     */
    private static final Duration LOOK_AGAIN = Duration.ofMillis(100);

    /**
     * Counts, in every page, the requests its scripts send to the endpoints pages poll (a game's
     * version, a player's changes): those tried, and those that got an answer. Installed before any
     * script of the page runs, so app.js's fetch is the counted one.
     */
    private static final String POLL_COUNTER = """
            (function () {
                var polled = /\\/api\\/(games\\/[^\\/]+\\/version|me\\/)/;
                var fetch = window.fetch;
                window.__polls = {tried: 0, answered: 0};
                window.fetch = function (resource) {
                    var url = String(resource && resource.url ? resource.url : resource);
                    var answer = fetch.apply(this, arguments);
                    if (polled.test(url)) {
                        window.__polls.tried++;
                        answer.then(function () { window.__polls.answered++; }, function () {});
                    }
                    return answer;
                };
            }());
            """;

    private boolean pushOnly;

    private final ChromeDriver driver;
    private final URL base;
    /** The window's size as the browser started, which {@link #reset} restores. */
    private final Dimension startSize;

    public Browser(URL base) {
        this.base = base;
        try {
            Path profile = Files.createTempDirectory(Path.of("target"), "chromium-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(System.getProperty("chromium.binary", "/usr/bin/chromium"));
            options.addArguments(
                    "--headless=new",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-dev-shm-usage",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--no-first-run",
                    "--window-size=1200,900",
                    "--user-data-dir=" + profile.toAbsolutePath());
            LoggingPreferences logs = new LoggingPreferences();
            logs.enable(LogType.BROWSER, Level.ALL);
            options.setCapability("goog:loggingPrefs", logs);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver")))
                    .usingAnyFreePort()
                    .build();
            driver = new ChromeDriver(service, options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        startSize = driver.manage().window().getSize();
    }

    /**
     * Makes this browser, for the next test, what a newly started one is, but much faster than
     * starting one: its tab is replaced by a new one on about:blank (which drops whatever was set
     * on the old tab: scripts added with Page.addScriptToEvaluateOnNewDocument such as {@link
     * #pushOnly}'s and {@link #withoutWebSockets}'s, blocked URLs, sessionStorage, history); all
     * cookies are deleted, and everything the site stored (localStorage, IndexedDB, caches, service
     * workers); the window has its first size again; and the console log is read and dropped, so
     * that what {@link #consoleErrors} finds next comes from pages opened after this. What this
     * does not reset is the HTTP cache (a page's scripts may come from it, as they would for a
     * returning visitor).
     */
    public void reset() {
        Set<String> old = driver.getWindowHandles();
        driver.switchTo().newWindow(WindowType.TAB);
        String fresh = driver.getWindowHandle();
        for (String handle : old) {
            driver.switchTo().window(handle);
            driver.close();
        }
        driver.switchTo().window(fresh);
        driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
        driver.executeCdpCommand("Storage.clearDataForOrigin", Map.of("origin", origin(), "storageTypes", "all"));
        if (!driver.manage().window().getSize().equals(startSize)) {
            driver.manage().window().setSize(startSize);
        }
        // A tab behind another would have its timers throttled: pages would follow slowly.
        expect(
                "visible".equals(driver.executeScript("return document.visibilityState;")),
                "the new tab is the one shown");
        driver.manage().logs().get(LogType.BROWSER);
        pushOnly = false;
    }

    private String origin() {
        return base.getProtocol() + "://" + base.getHost() + (base.getPort() == -1 ? "" : ":" + base.getPort());
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** From now on pages in this browser find no WebSocket, as on a network that blocks them. */
    public void withoutWebSockets() {
        driver.executeCdpCommand(
                "Page.addScriptToEvaluateOnNewDocument", java.util.Map.of("source", "delete window.WebSocket;"));
    }

    /**
     * Cuts this browser off from the JSON endpoints that pages poll (a game's version, a player's
     * changes; not where moves are sent): whatever a page still learns must then come by push.
     */
    public void withoutPolling() {
        driver.executeCdpCommand("Network.enable", Map.of());
        driver.executeCdpCommand(
                "Network.setBlockedURLs", Map.of("urls", List.of("*/api/games/*/version*", "*/api/me/*")));
    }

    /**
     * From now on pages in this browser can learn of changes by push alone: the endpoints pages poll
     * are blocked ({@link #withoutPolling}), and the polls a page still tries are counted. What a
     * page shows without a reload and without its own request then came over its websocket; {@link
     * #assertOnPush} checks that the page is on push and that no poll was answered.
     */
    public void pushOnly() {
        withoutPolling();
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", POLL_COUNTER));
        pushOnly = true;
    }

    /** {@link #pushOnly} for each of these browsers: the one line a test that proves push needs. */
    public static void pushOnly(Browser... browsers) {
        for (Browser browser : browsers) {
            browser.pushOnly();
        }
    }

    /**
     * The open page hears of changes by push: its websocket is open right now, and since it was
     * loaded no poll of it was answered, so whatever it learned it learned by push. The polls it
     * tried were counted (the page polls once as its socket opens, to catch up): a poll address
     * the block and the counter did not know would show here as a page that never polled. Only for
     * a browser that is {@link #pushOnly}.
     */
    public void assertOnPush(String what) {
        if (!pushOnly) {
            throw new IllegalStateException("a browser that may poll cannot prove push: call pushOnly() first");
        }
        expect(liveMode().equals("push"), what + ": the page's websocket is open (data-live=" + liveMode() + ")");
        @SuppressWarnings("unchecked")
        Map<String, Number> polls = (Map<String, Number>) driver.executeScript("return window.__polls;");
        expect(polls != null, what + ": the page's polls are counted");
        expect(polls.get("tried").longValue() >= 1, what + ": the page's catch-up poll was seen, " + polls);
        expect(polls.get("answered").longValue() == 0, what + ": no poll answered since the page was loaded, " + polls);
    }

    /** Waits until the page shows a mark on the square, and checks it came by push ({@link #assertOnPush}). */
    public void waitForMarkByPush(String squareName) {
        waitForMark(squareName);
        assertOnPush(squareName + " shown");
    }

    /** How the page hears of changes, as it says itself: "push" or "poll". */
    public String liveMode() {
        return String.valueOf(driver.executeScript("return document.documentElement.getAttribute('data-live');"));
    }

    /**
     * How many requests this page's scripts have sent since it was loaded (faces.js's Ajax requests
     * and app.js's fetches) to an address that contains {@code part}.
     */
    public long scriptRequestsTo(String part) {
        return (Long) driver.executeScript(
                "var part = arguments[0];"
                        + " return performance.getEntriesByType('resource').filter(function (e) {"
                        + " return (e.initiatorType === 'xmlhttprequest' || e.initiatorType === 'fetch')"
                        + " && e.name.indexOf(part) >= 0; }).length;",
                part);
    }

    /** Waits until the page hears of changes by push: its websocket is open. */
    public void waitForPush() {
        waitUntil(d -> liveMode().equals("push"));
    }

    /** Everything logged at error level in the console since the last call, but what {@code expected} allows. */
    public List<String> consoleErrors(Predicate<String> expected) {
        List<String> errors = new ArrayList<>();
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= Level.SEVERE.intValue() && !expected.test(entry.getMessage())) {
                errors.add(entry.getMessage());
            }
        }
        return errors;
    }

    /** Starts noting, in this page, the moment the square shows a mark. */
    public void watchSquare(String squareName) {
        driver.executeScript("""
                var name = arguments[0];
                window.__markedAt = window.__markedAt || {};
                var check = function () {
                    var cell = document.querySelector(".board [data-square='" + name + "']");
                    if (!window.__markedAt[name] && cell && !cell.getAttribute("aria-label").endsWith("empty")) {
                        window.__markedAt[name] = performance.timeOrigin + performance.now();
                    }
                };
                new MutationObserver(check).observe(document.body, {subtree: true, childList: true, attributes: true});
                """, squareName);
    }

    /** When this page first showed a mark on the square, in epoch milliseconds, as {@link #watchSquare} noted. */
    public double markedAt(String squareName) {
        Object at = driver.executeScript("return (window.__markedAt || {})[arguments[0]];", squareName);
        if (at == null) {
            throw new IllegalStateException(squareName + " was not seen marked on this page");
        }
        return ((Number) at).doubleValue();
    }

    /** Clicks the square and says when, in epoch milliseconds of this machine's clock. */
    public double clickSquareAt(String squareName) {
        return ((Number) driver.executeScript("""
                var at = performance.timeOrigin + performance.now();
                document.querySelector(".board [data-square='" + arguments[0] + "']").click();
                return at;
                """, squareName)).doubleValue();
    }

    public void open(String path) {
        driver.get(base.toString().replaceAll("/$", "") + path);
    }

    public void signUp(String username, String password) {
        open("/signup.xhtml");
        type("signup:username", username);
        type("signup:password", password);
        type("signup:again", password);
        driver.findElement(By.id("signup:submit")).click();
        waitUntil(d -> d.getCurrentUrl().endsWith("/") || d.getCurrentUrl().contains("index.xhtml"));
    }

    public void invite(String opponent) {
        open("/");
        type("invite:opponent", opponent);
        driver.findElement(By.id("invite:send")).click();
        waitUntil(d -> d.getCurrentUrl().contains("game.xhtml"));
    }

    /** Waits until the open lobby shows an invitation from {@code host}. */
    public void waitForInvitationFrom(String host) {
        waitUntil(d -> text(".lobby").contains(host + " invites you"));
    }

    /** Accepts the lobby's invitation from {@code host} and waits for the page of that game. */
    public void acceptInvitationFrom(String host, String gameId) {
        all("[aria-label='Accept the invitation from " + host + "']").get(0).click();
        waitUntil(d -> d.getCurrentUrl().contains("game.xhtml?id=" + gameId));
    }

    /**
     * The host invites the guest; the guest's lobby shows it without a reload; the guest accepts,
     * and the host's page turns to "Your turn" by itself. Both pages are marked. The game's id.
     */
    public static String startGame(Browser host, String hostName, Browser guest, String guestName) {
        guest.open("/");
        guest.markPage();
        // Pushes reach open sockets; a page catches up on what it missed before by one poll,
        // which tests that block polling do not allow: so each page's socket is open before the next step.
        guest.waitForPush();
        host.invite(guestName);
        String gameId = host.gameId();
        expect(
                host.redirectsToThisPage() == 0,
                "the invitation sent by the lobby's script, its answer opening the game");
        expect(
                host.text("#status").contains("Waiting for " + guestName),
                "the host waits for the guest: " + host.text("#status"));
        host.markPage();
        host.waitForPush();

        guest.waitForInvitationFrom(hostName);
        expect(guest.stillSamePage(), "the invitation arrived without a reload");
        expect(
                guest.scriptRequestsTo("xhtml") == 0,
                "the lobby showed the invitation from its push, rendering nothing");
        guest.acceptInvitationFrom(hostName, gameId);
        expect(
                guest.redirectsToThisPage() == 0,
                "the acceptance sent by the lobby's script, its answer opening the game");
        guest.markPage();

        host.waitUntil(d -> host.text("#status").equals("Your turn"));
        expect(
                guest.text("#status").contains("Waiting for " + hostName),
                "the guest waits for the host: " + guest.text("#status"));
        return gameId;
    }

    private static void expect(boolean condition, String what) {
        if (!condition) {
            throw new AssertionError("expected " + what);
        }
    }

    public String gameId() {
        String url = driver.getCurrentUrl();
        return url.substring(url.indexOf("id=") + 3);
    }

    public void type(String id, String text) {
        WebElement field = driver.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    public WebElement square(String label) {
        return driver.findElement(By.cssSelector(".board [data-square='" + label + "']"));
    }

    /** Clicks the square, then waits until the page shows the mark there. */
    public void play(String squareName) {
        square(squareName).click();
        waitForMark(squareName);
    }

    /** Waits until the page shows a mark on the square. */
    public void waitForMark(String squareName) {
        waitUntil(d -> !square(squareName).getAttribute("aria-label").endsWith("empty"));
    }

    /**
     * The text of the element the selector finds now. A page may re-render a part between finding
     * the element and reading it (the end of a game, say, rendered by the player's own request and
     * again for the push that tells it): then the element the selector finds afterwards is read.
     */
    public String text(String cssSelector) {
        for (int attempt = 1; ; attempt++) {
            try {
                return driver.findElement(By.cssSelector(cssSelector)).getText();
            } catch (WebDriverException e) {
                if (!vanished(e) || attempt == 3) {
                    throw e;
                }
            }
        }
    }

    /**
     * Whether the element was gone from the page when it was read: Chromium says so as a stale
     * element, or, when the node went between the driver's lookup and its read, as an inspector
     * error about a node that no longer belongs to the document.
     */
    private static boolean vanished(WebDriverException e) {
        return e instanceof StaleElementReferenceException
                || (e.getMessage() != null && e.getMessage().contains("does not belong to the document"));
    }

    public List<WebElement> all(String cssSelector) {
        return driver.findElements(By.cssSelector(cssSelector));
    }

    public void waitUntil(ExpectedCondition<Boolean> condition) {
        // Pages re-render parts of themselves while we look: a vanished element just means "look again".
        new WebDriverWait(driver, PATIENCE, LOOK_AGAIN).until(d -> {
            try {
                return condition.apply(d);
            } catch (WebDriverException e) {
                if (vanished(e)) {
                    return false;
                }
                throw e;
            }
        });
    }

    /** Plants a marker that only survives as long as the page is not reloaded. */
    /**
     * How many redirects led to the page shown: 0 for a page the script opened from an answer of
     * the API, 1 for a form's post redirected to it.
     */
    public long redirectsToThisPage() {
        return (Long) driver.executeScript("return performance.getEntriesByType('navigation')[0].redirectCount;");
    }

    public void markPage() {
        driver.executeScript("window.__sameDocument = true;");
    }

    public boolean stillSamePage() {
        return Boolean.TRUE.equals(driver.executeScript("return window.__sameDocument === true;"));
    }

    public void screenshot(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
