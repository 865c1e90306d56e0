package com.tictactoe.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.util.AbstractMap;
import java.util.Set;

/**
 * The texts for the pages, as {@code #{text['lobby.title']}} and, with arguments,
 * {@code #{text.format('lobby.invitesYou', row.opponent)}}: the same bundle and language as
 * {@link Texts}. A map, so that EL reads a key the way it reads a Faces resource bundle; it holds
 * nothing itself.
 */
@Named("text")
@ApplicationScoped
public class PageTexts extends AbstractMap<String, String> {

    @Override
    public String get(Object key) {
        return Texts.current().get(String.valueOf(key));
    }

    @Override
    public boolean containsKey(Object key) {
        return true;
    }

    public String format(String key, Object argument) {
        return Texts.current().get(key, argument);
    }

    public String format(String key, Object first, Object second) {
        return Texts.current().get(key, first, second);
    }

    /**
     * The text of {@code key} as HTML, its argument (a name) in {@code <strong>}: for
     * {@code <h:outputText escape="false">}. Everything is escaped, the bundle's text included.
     */
    public String emphasised(String key, Object name) {
        return emphasised(Texts.current(), key, name);
    }

    static String emphasised(Texts texts, String key, Object name) {
        String marker = "\u0000";
        String text = texts.get(key, marker);
        return Html.escape(text).replace(marker, "<strong>" + Html.escape(String.valueOf(name)) + "</strong>");
    }

    @Override
    public Set<Entry<String, String>> entrySet() {
        throw new UnsupportedOperationException("Texts are read one key at a time");
    }
}
