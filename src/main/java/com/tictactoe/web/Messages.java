package com.tictactoe.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;

/** Messages for the person at the page, shown by the page's h:messages. */
public final class Messages {

    private Messages() {}

    public static void error(String text) {
        add(FacesMessage.SEVERITY_ERROR, text);
    }

    public static void info(String text) {
        add(FacesMessage.SEVERITY_INFO, text);
    }

    private static void add(FacesMessage.Severity severity, String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, text, null));
    }
}
