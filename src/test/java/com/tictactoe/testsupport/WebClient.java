package com.tictactoe.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** A person without a browser: plain HTTP with cookies, for requests a browser would never send. */
public final class WebClient {

    private final HttpClient http;
    private final CookieManager cookies = new CookieManager();
    private final String base;
    private String lastPage = "";
    private String acceptLanguage;

    public WebClient(URL base) {
        this.base = base.toString().replaceAll("/$", "");
        this.http = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(TestTimeouts.HTTP_CONNECT)
                .build();
    }

    /** The languages this client's requests ask for, as a browser's {@code Accept-Language}. */
    public WebClient speaking(String acceptLanguage) {
        this.acceptLanguage = acceptLanguage;
        return this;
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
        if (acceptLanguage != null) {
            request.header("Accept-Language", acceptLanguage);
        }
        return request;
    }

    public HttpResponse<String> get(String path) {
        HttpResponse<String> response = send(request(path).GET().build());
        lastPage = response.body();
        return response;
    }

    /** A GET that asks for {@code accept} only, as a client of the JSON API may. */
    public HttpResponse<String> getAccepting(String path, String accept) {
        return send(request(path).header("Accept", accept).GET().build());
    }

    /** Follows redirects within the site, as a browser would. */
    public HttpResponse<String> getFollowing(String path) {
        HttpResponse<String> response = get(path);
        for (int hops = 0; hops < 5 && response.statusCode() / 100 == 3; hops++) {
            String location = response.headers().firstValue("Location").orElseThrow();
            response = get(
                    location.startsWith("http")
                            ? URI.create(location).getRawPath()
                                    + (URI.create(location).getRawQuery() == null
                                            ? ""
                                            : "?" + URI.create(location).getRawQuery())
                            : location);
        }
        return response;
    }

    public HttpResponse<String> post(String path, Map<String, String> form) {
        return post(path, form, false);
    }

    /** A Faces AJAX postback, as faces.js would send it. */
    public HttpResponse<String> ajax(String path, Map<String, String> form) {
        return post(path, form, true);
    }

    private HttpResponse<String> post(String path, Map<String, String> form, boolean ajax) {
        HttpRequest.Builder request = request(path)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form)));
        if (ajax) {
            request.header("Faces-Request", "partial/ajax");
        }
        HttpResponse<String> response = send(request.build());
        lastPage = response.body();
        return response;
    }

    /**
     * A click on a square as the game page's script sends it: a POST without a body to the moves
     * address, with {@code token} in the token header (none if null).
     */
    public HttpResponse<String> scriptMove(String gameId, String square, String token) {
        return scriptPost("/api/games/" + gameId + "/moves/" + square, token);
    }

    /** A POST to the API as the pages' script sends it: no body, JSON accepted, the token in its header unless null. */
    public HttpResponse<String> scriptPost(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            request.header("X-Tictactoe-Token", token);
        }
        return send(request.build());
    }

    /** The token the last game page gives its script for moves (data-token), or null if it gives none. */
    public String moveToken() {
        java.util.regex.Matcher marker = java.util.regex.Pattern.compile("<span id=\"live-version\"[^>]*>")
                .matcher(lastPage);
        if (!marker.find()) {
            return null;
        }
        String token = Html.attribute(marker.group(), "data-token");
        return token.isEmpty() ? null : Html.unescape(token);
    }

    /** The ViewState of the last page fetched. */
    public String viewState() {
        return Html.inputs(lastPage).stream()
                .filter(tag -> tag.contains("name=\"jakarta.faces.ViewState\""))
                .map(tag -> Html.attribute(tag, "value"))
                .filter(value -> !value.isEmpty())
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("No ViewState on the page: " + lastPage));
    }

    /** The form token of the last page fetched, which the forms of a stateless page carry (see FormToken). */
    public String formToken() {
        return Html.inputs(lastPage).stream()
                .filter(tag -> tag.contains("name=\"tictactoe-token\""))
                .map(tag -> Html.attribute(tag, "value"))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("No form token on the page: " + lastPage));
    }

    /** The visitor token of the last page fetched, which the sign-in and sign-up forms carry (see VisitorFormToken). */
    public String visitorToken() {
        return Html.inputs(lastPage).stream()
                .filter(tag -> tag.contains("name=\"tictactoe-visitor\""))
                .map(tag -> Html.attribute(tag, "value"))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("No visitor token on the page: " + lastPage));
    }

    public String lastPage() {
        return lastPage;
    }

    public String sessionId() {
        return cookies.getCookieStore().getCookies().stream()
                .filter(cookie -> cookie.getName().equalsIgnoreCase("JSESSIONID"))
                .map(HttpCookie::getValue)
                .findFirst()
                .orElse(null);
    }

    /** The value of a cookie this client holds, or null. */
    public String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream()
                .filter(cookie -> cookie.getName().equals(name))
                .map(HttpCookie::getValue)
                .findFirst()
                .orElse(null);
    }

    /** Every cookie this client holds as one Cookie header, to send them where the client would not. */
    public String cookieHeader() {
        return String.join(
                "; ",
                cookies.getCookieStore().getCookies().stream()
                        .map(cookie -> cookie.getName() + "=" + cookie.getValue())
                        .toList());
    }

    /** Sets a cookie as a browser would send it back, for requests that forge or replay one. */
    public void setCookie(String name, String value) {
        HttpCookie cookie = new HttpCookie(name, value);
        cookie.setPath("/");
        cookie.setVersion(0);
        cookies.getCookieStore().add(URI.create(base + "/"), cookie);
    }

    /** Forgets every cookie, as a browser restarted without its session would. */
    public void forgetSession() {
        cookies.getCookieStore().getCookies().stream()
                .filter(cookie -> cookie.getName().equalsIgnoreCase("JSESSIONID"))
                .toList()
                .forEach(cookie -> cookies.getCookieStore()
                        .getURIs()
                        .forEach(uri -> cookies.getCookieStore().remove(uri, cookie)));
    }

    /**
     * The lobby's New game form sent for {@code opponent}, as a click on Invite sends it from a lobby
     * just loaded: the answer as it is, a redirect to the game or a refusal.
     */
    public HttpResponse<String> sendInvitation(String opponent) {
        HttpResponse<String> lobby = get("/");
        if (lobby.statusCode() != 200) {
            throw new IllegalStateException("No lobby to invite from: " + lobby.statusCode());
        }
        return post(
                "/index.xhtml",
                form(
                        "invite",
                        "invite",
                        "invite:opponent",
                        opponent,
                        "invite:send",
                        "Invite",
                        "jakarta.faces.ViewState",
                        viewState(),
                        "tictactoe-token",
                        formToken()));
    }

    /**
     * The template's Sign out clicked on the page last loaded, which {@code path} (without its
     * query) posts to: the answer as it is.
     */
    public HttpResponse<String> signOutFrom(String path) {
        return post(
                path,
                form(
                        "signout",
                        "signout",
                        "signout:go",
                        "Sign out",
                        "jakarta.faces.ViewState",
                        viewState(),
                        "tictactoe-token",
                        formToken()));
    }

    /**
     * A signed-in player invites {@code opponent} from the lobby's form, as its button does: the
     * new game's id, from the address of the page the answer sends the browser to.
     */
    public String invite(String opponent) {
        HttpResponse<String> invited = sendInvitation(opponent);
        String location = invited.headers().firstValue("Location").orElse("");
        if (invited.statusCode() != 302 || !location.contains("/game.xhtml?id=")) {
            throw new IllegalStateException("No invitation sent: " + invited.statusCode() + " " + location);
        }
        return location.substring(location.indexOf("id=") + 3);
    }

    /**
     * A signed-in player makes a challenge from the lobby, as its button does: the challenge's id,
     * from the address of the page the answer sends the browser to.
     */
    public String createChallenge() {
        get("/");
        HttpResponse<String> made = post(
                "/index.xhtml",
                form(
                        "challenge",
                        "challenge",
                        "challenge:create",
                        "Create a challenge link",
                        "jakarta.faces.ViewState",
                        viewState(),
                        "tictactoe-token",
                        formToken()));
        String location = made.headers().firstValue("Location").orElse("");
        if (made.statusCode() != 302 || !location.contains("/challenge.xhtml?game=")) {
            throw new IllegalStateException("No challenge made: " + made.statusCode() + " " + location);
        }
        return location.substring(location.indexOf("game=") + 5);
    }

    public HttpResponse<String> signUp(String username, String password) {
        get("/signup.xhtml");
        return post("/signup.xhtml", signUpForm(username, password, viewState(), visitorToken()));
    }

    /** The sign-up form as the page sends it, with the visitor token its page gave (VisitorFormToken). */
    static Map<String, String> signUpForm(String username, String password, String viewState, String token) {
        return form(
                "signup",
                "signup",
                "tictactoe-visitor",
                token,
                "signup:username",
                username,
                "signup:password",
                password,
                "signup:again",
                password,
                "signup:submit",
                "Create account",
                "jakarta.faces.ViewState",
                viewState);
    }

    /** The sign-in form as the page sends it, with the visitor token its page gave (VisitorFormToken). */
    static Map<String, String> signInForm(String username, String password, String viewState, String token) {
        return form(
                "signin",
                "signin",
                "tictactoe-visitor",
                token,
                "signin:username",
                username,
                "signin:password",
                password,
                "signin:submit",
                "Sign in",
                "jakarta.faces.ViewState",
                viewState);
    }

    public HttpResponse<String> signIn(String username, String password) {
        get("/signin.xhtml");
        return post("/signin.xhtml", signInForm(username, password, viewState(), visitorToken()));
    }

    public static Map<String, String> form(String... namesAndValues) {
        Map<String, String> form = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            form.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return form;
    }

    static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(TestTimeouts.bounded(request), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
