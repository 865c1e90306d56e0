package com.tictactoe.web;

/**
 * What {@code #{text}} is on a page: the texts of the request's language ({@link Texts}), read as
 * {@code #{text['lobby.title']}} and formatted as
 * {@code #{text.format('lobby.invitesYou', row.opponent)}} (one or two arguments) or
 * {@code #{text.emphasised('lobby.invitesYou', row.opponent)}}. {@link PageTextsResolver} answers
 * all three; this object holds nothing.
 */
public final class PageTexts {

    static final PageTexts ONLY = new PageTexts();

    private PageTexts() {}

    /**
     * The text of {@code key} as HTML, its argument (a name) in {@code <strong>}: for
     * {@code <h:outputText escape="false">}. Everything is escaped, the bundle's text included.
     */
    static String emphasised(Texts texts, String key, Object name) {
        String marker = "\u0000";
        String text = texts.get(key, marker);
        return Html.escape(text).replace(marker, "<strong>" + Html.escape(String.valueOf(name)) + "</strong>");
    }

    @Override
    public String toString() {
        return "the page texts";
    }
}
