package com.tictactoe.testsupport;

import static com.tictactoe.testsupport.Html.attribute;
import static com.tictactoe.testsupport.Html.hiddenFields;
import static com.tictactoe.testsupport.Html.unescape;

import java.net.MalformedURLException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One person's tab without a browser, on an app deployed at any context root: it loads pages,
 * posts their forms as they are (hidden fields and ViewState included), and sends the AJAX
 * requests that faces.js builds from a button's onclick, applying the partial answer to the page
 * it holds. Any answer a browser would not expect fails with the answer in the message.
 */
public final class HttpPlayer {

    private static final String VIEW_STATE = "jakarta.faces.ViewState";
    private static final Pattern STATUS = Pattern.compile("role=\"status\">([^<]*)<");
    private static final Pattern RESULT = Pattern.compile("class=\"result-text\">([^<]*)<");
    private static final Pattern UPDATE = Pattern.compile(
            "<update id=\"([^\"]+)\"><!\\[CDATA\\[(.*?)]]></update>", Pattern.DOTALL);
    /** mojarra.ab(source, event, behaviour event, execute, render, ...) as the page renders it. */
    private static final Pattern AJAX_CALL = Pattern.compile(
            "mojarra\\.ab\\((?:this|'([^']*)'),(?:event|null),(?:'([^']*)'|0|null),(?:'([^']*)'|0|null),"
            + "(?:'([^']*)'|0|null)");
    private static final Pattern CHANNEL_URL = Pattern.compile("'([^']*/jakarta\\.faces\\.push/updates\\?[^']+)'");

    private final String name;
    private final String context;
    private final WebClient client;
    private String page = "";
    private String gameForm = "";
    /** The game form's ViewState: a partial answer carries it apart from the form it re-renders. */
    private String viewState;

    /** @param app the application's address, such as http://127.0.0.1:8080/tictactoe/ */
    public HttpPlayer(URI app, String name) {
        this.name = name;
        this.context = app.getRawPath().replaceAll("/$", "");
        try {
            this.client = new WebClient(app.resolve("/").toURL());
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(app.toString(), e);
        }
    }

    public String name() {
        return name;
    }

    /** The HTTP client with this player's cookies. */
    public WebClient client() {
        return client;
    }

    /** Signs up through the sign-up form, which signs the new player in and leads to the lobby. */
    public void signUp(String password) {
        load(client.get(context + "/signup.xhtml"), "the sign-up page");
        String form = form(page, "signup");
        Map<String, String> fields = hiddenFields(form);
        fields.put("signup:username", name);
        fields.put("signup:password", password);
        fields.put("signup:again", password);
        fields.put("signup:submit", "Create account");
        follow(client.post(action(form), fields), "sign-up");
        expect(page.contains("Signed in as <strong>" + name + "</strong>"), "signed in after sign-up", page);
    }

    public void openLobby() {
        load(client.get(context + "/"), "the lobby");
        expect(page.contains("id=\"invite\""), "the lobby with its invite form", page);
    }

    /** Invites through the lobby's form, as a click on Invite does; the new game's id. */
    public String invite(String opponent) {
        String form = form(page, "invite");
        Map<String, String> fields = hiddenFields(form);
        fields.put("invite:opponent", opponent);
        fields.put("invite:send", "Invite");
        HttpResponse<String> invited = client.post(action(form), fields);
        String location = invited.headers().firstValue("Location").orElse("");
        expect(invited.statusCode() == 302 && location.contains("game.xhtml?id="), "invite leads to the game", invited);
        follow(invited, "invite");
        return location.substring(location.indexOf("id=") + 3).replaceAll("&.*", "");
    }

    public void openGame(String gameId) {
        load(client.get(context + "/game.xhtml?id=" + gameId), "the game page");
        expect(gameForm.contains("name=\"gameId\" value=\"" + gameId + "\""), "the page of game " + gameId, page);
    }

    /** A click on Accept: a plain postback of the game form. */
    public void accept() {
        Map<String, String> fields = gameFormFields();
        fields.put("game:accept", "Accept");
        load(client.post(action(gameForm), fields), "accept");
    }

    /** A click on a square: the AJAX request faces.js sends for the cell's f:ajax. */
    public void play(String square) {
        String tag = Html.cell(gameForm, square).orElseThrow(() -> new AssertionError("no button for " + square + ": " + gameForm));
        expect(!tag.contains("disabled"), "the button for " + square + " is enabled", tag);
        String onclick = unescape(attribute(tag, "onclick"));
        Matcher call = AJAX_CALL.matcher(onclick);
        expect(call.find() && onclick.contains("'square':'" + square + "'"), "an AJAX request with the square", tag);
        Map<String, String> params = new LinkedHashMap<>();
        params.put("square", square);
        partial(client.ajax(action(gameForm), ajaxFields(attribute(tag, "id"), "click", call.group(2), call.group(3),
                call.group(4), params)), "move " + square);
    }

    /** What a push makes the page do: run its refreshGame command script. */
    public void refresh() {
        int script = gameForm.indexOf("refreshGame=");
        Matcher call = AJAX_CALL.matcher(script < 0 ? "" : gameForm.substring(script));
        expect(call.find(), "a refreshGame command script", gameForm);
        partial(client.ajax(action(gameForm), ajaxFields(call.group(1), null, call.group(2), call.group(3),
                call.group(4), Map.of())), "refresh");
    }

    /** The game's status line as shown. */
    public String status() {
        Matcher shown = STATUS.matcher(gameForm);
        return shown.find() ? unescape(shown.group(1)).trim() : "";
    }

    /** The mark shown on {@code square}, empty if none. */
    public String square(String square) {
        return unescape(attribute(Html.cell(gameForm, square)
                .orElseThrow(() -> new AssertionError("no square " + square + ": " + gameForm)), "value"));
    }

    /** The result shown once the game is over, empty before. */
    public String result() {
        Matcher shown = RESULT.matcher(gameForm);
        return shown.find() ? unescape(shown.group(1)).trim() : "";
    }

    /** The page as it stands, partial updates applied to its game form. */
    public String page() {
        return page;
    }

    /** The websocket URL (path and query, or a full ws:// URL) that the page's push script opens. */
    public String channel() {
        Matcher url = CHANNEL_URL.matcher(page);
        expect(url.find(), "the page opens a push websocket", page);
        return url.group(1);
    }

    // ---- forms and answers

    private Map<String, String> ajaxFields(String sourceId, String event, String behaviorEvent, String execute,
                                           String render, Map<String, String> params) {
        String formId = attribute(gameForm.substring(0, gameForm.indexOf('>') + 1), "id");
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("jakarta.faces.source", sourceId);
        if (event != null) {
            fields.put("jakarta.faces.partial.event", event);
        }
        String executeList = execute == null ? sourceId : execute.replace("@this", sourceId).replace("@form", formId);
        if (!List.of(executeList.split(" ")).contains(sourceId)) {
            executeList = sourceId + " " + executeList;
        }
        fields.put("jakarta.faces.partial.execute", executeList);
        if (render != null) {
            fields.put("jakarta.faces.partial.render", render.replace("@this", sourceId).replace("@form", formId));
        }
        if (behaviorEvent != null) {
            fields.put("jakarta.faces.behavior.event", behaviorEvent);
        }
        fields.putAll(params);
        fields.put("jakarta.faces.partial.ajax", "true");
        fields.putAll(gameFormFields());
        return fields;
    }

    private Map<String, String> gameFormFields() {
        Map<String, String> fields = hiddenFields(gameForm);
        expect(viewState != null, "a ViewState for the game form", gameForm);
        fields.put(VIEW_STATE, viewState);
        return fields;
    }

    /** Redirects followed as a browser does, within the site; then the page loaded. */
    private void follow(HttpResponse<String> response, String what) {
        HttpResponse<String> current = response;
        for (int hops = 0; current.statusCode() == 302; hops++) {
            String location = current.headers().firstValue("Location").orElse("");
            expect(hops < 3 && !location.contains("error") && !location.contains("signin"),
                    what + " redirects within the site", current);
            URI target = current.uri().resolve(location);
            current = client.get(target.getRawPath() + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery()));
        }
        load(current, what);
    }

    private void load(HttpResponse<String> response, String what) {
        expect(response.statusCode() == 200 && response.body().contains("<html"), what + ": a page", response);
        page = response.body();
        gameForm = form(page, "game");
        viewState = hiddenFields(gameForm).get(VIEW_STATE);
        expect(!page.contains("msg-error"), what + ": no error message", page);
    }

    private void partial(HttpResponse<String> response, String what) {
        String body = response.body();
        expect(response.statusCode() == 200 && body.contains("<partial-response"), what + ": a partial answer", response);
        expect(!body.contains("<error>") && !body.contains("<redirect"), what + ": no error, no redirect", response);
        Matcher update = UPDATE.matcher(body);
        boolean form = false;
        while (update.find()) {
            if (update.group(1).equals("game")) {
                gameForm = update.group(2);
                form = true;
            } else if (update.group(1).contains(VIEW_STATE)) {
                viewState = update.group(2);
            } else if (update.group(1).equals("messages")) {
                expect(!update.group(2).contains("msg-error"), what + ": no error message", body);
            }
        }
        expect(form, what + ": the game form re-rendered", response);
    }

    private static String form(String html, String id) {
        int start = html.indexOf("<form id=\"" + id + "\"");
        if (start < 0) {
            return "";
        }
        int end = html.indexOf("</form>", start);
        return html.substring(start, end < 0 ? html.length() : end + 7);
    }

    private static String action(String form) {
        return unescape(attribute(form.substring(0, Math.max(0, form.indexOf('>') + 1)), "action"));
    }

    private void expect(boolean condition, String what, Object context) {
        if (!condition) {
            String text = context instanceof HttpResponse<?> response
                    ? response.statusCode() + " " + response.uri() + " "
                    + response.headers().firstValue("Location").map(location -> "-> " + location + " ").orElse("")
                    + response.body()
                    : String.valueOf(context);
            throw new AssertionError(name + ": expected " + what + ", got: " + text);
        }
    }
}
