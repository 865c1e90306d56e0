package com.tictactoe.web.players;

import com.tictactoe.application.Records;
import com.tictactoe.domain.BadCursorException;
import com.tictactoe.domain.HistoryPage;
import com.tictactoe.domain.PlayerRecord;
import com.tictactoe.domain.Standing;
import com.tictactoe.web.Texts;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A player's page ({@code player.xhtml?name=bob&page=CURSOR}): the record, the head-to-head against
 * every opponent, and the finished games, newest first, one page per address. Stateless, as the
 * replay: the page's place in the history is the cursor in its address, which the store made and
 * reads only for this player; anything else there is a 400 with the player's text, never a trace.
 */
@Named("playerPage")
@RequestScoped
public class PlayerPage {

    @Inject
    private Records records;

    private String name;
    private String page;
    private PlayerRecord record;
    private HistoryPage history;

    public void load() throws IOException {
        Optional<PlayerRecord> found = records.recordOf(name);
        if (found.isEmpty()) {
            answer(HttpServletResponse.SC_NOT_FOUND, "player.notFound");
            return;
        }
        record = found.get();
        try {
            history = records.history(record.player(), page == null || page.isEmpty() ? null : page);
        } catch (BadCursorException forged) {
            answer(HttpServletResponse.SC_BAD_REQUEST, "player.badPage");
        }
    }

    private static void answer(int status, String key) throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        faces.getExternalContext().responseSendError(status, Texts.current().get(key));
        faces.responseComplete();
    }

    /** Whether the page was read: on a GET, not on the postback of the template's sign-out form. */
    public boolean isLoaded() {
        return history != null;
    }

    public String getPlayer() {
        return record.player();
    }

    public RecordText getOverall() {
        return RecordText.of(new Standing(record.player(), record.overall()));
    }

    /** Most games first, then by name. */
    public List<RecordText> getHeadToHead() {
        return record.headToHead().stream()
                .sorted(Comparator.comparingLong((Standing s) -> -s.record().games())
                        .thenComparing(Standing::player))
                .map(RecordText::of)
                .toList();
    }

    public List<HistoryRow> getGames() {
        Texts texts = Texts.current();
        return history.games().stream()
                .map(game -> HistoryRow.of(game, record.player(), texts))
                .toList();
    }

    public boolean isFirstPage() {
        return page == null || page.isEmpty();
    }

    /** The address of the next page of games, or null on the last. */
    public String getNextAddress() {
        return history.nextPage()
                .map(next -> address(record.player()) + "&page=" + next)
                .orElse(null);
    }

    public String getFirstAddress() {
        return address(record.player());
    }

    /** The address of {@code player}'s page. */
    public static String address(String player) {
        return FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath() + "/player.xhtml?name="
                + URLEncoder.encode(player, StandardCharsets.UTF_8);
    }

    public String getPageTitle() {
        return record == null
                ? Texts.current().get("player.title")
                : Texts.current().get("player.of", name());
    }

    private String name() {
        return record.player();
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getPage() {
        return page;
    }

    public void setPage(String page) {
        this.page = page;
    }
}
