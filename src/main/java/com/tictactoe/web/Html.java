package com.tictactoe.web;

/** Text made safe to write into HTML, in an element or a quoted attribute. */
public final class Html {

    private Html() {}

    public static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
