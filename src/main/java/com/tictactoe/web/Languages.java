package com.tictactoe.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * The languages a player may switch to, for the switch on every page: those the bundle has a file
 * for ({@link Texts#available()}), each named in its own language.
 */
@Named("languages")
@ApplicationScoped
public class Languages {

    /** One language of the switch: its tag, its own name, and whether the page is in it. */
    public record Language(String tag, String name, boolean current) {

        public String getTag() {
            return tag;
        }

        public String getName() {
            return name;
        }

        public boolean isCurrent() {
            return current;
        }
    }

    public List<Language> getAvailable() {
        String current = Texts.current().locale().getLanguage();
        return Texts.available().stream()
                .map(locale -> new Language(
                        locale.getLanguage(),
                        nameOf(locale),
                        locale.getLanguage().equals(current)))
                .toList();
    }

    /** Where the switch brings the player back to: this page, as its address names it, encoded for a query. */
    public String getBack() {
        HttpServletRequest request = (HttpServletRequest)
                FacesContext.getCurrentInstance().getExternalContext().getRequest();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String query = request.getQueryString();
        return URLEncoder.encode(path + (query == null ? "" : "?" + query), StandardCharsets.UTF_8);
    }

    static String nameOf(Locale language) {
        String name = language.getDisplayLanguage(language);
        return name.isEmpty() ? language.getLanguage() : name.substring(0, 1).toUpperCase(language) + name.substring(1);
    }
}
