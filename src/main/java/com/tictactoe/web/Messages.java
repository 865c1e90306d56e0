package com.tictactoe.web;

import com.tictactoe.domain.GameRuleException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;

/** Messages for the person at the page, shown by the page's h:messages. */
public final class Messages {

    private Messages() {}

    /** The text of {@code key} (see {@link Texts}) as an error. */
    public static void error(String key, Object... arguments) {
        add(FacesMessage.SEVERITY_ERROR, Texts.current().get(key, arguments));
    }

    public static void info(String key, Object... arguments) {
        add(FacesMessage.SEVERITY_INFO, Texts.current().get(key, arguments));
    }

    public static void refused(GameRuleException refused) {
        add(FacesMessage.SEVERITY_ERROR, Texts.current().refusal(refused));
    }

    private static void add(FacesMessage.Severity severity, String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, text, null));
    }
}
