package com.tictactoe.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** A redirect from a servlet filter that a page's AJAX request follows too. */
public final class BrowserRedirect {

    private BrowserRedirect() {}

    public static void send(HttpServletRequest request, HttpServletResponse response, String location)
            throws IOException {
        if ("partial/ajax".equals(request.getHeader("Faces-Request"))) {
            // faces.js follows a redirect only when it is told so in a partial response.
            response.setContentType("text/xml");
            response.setCharacterEncoding("UTF-8");
            response.getWriter()
                    .write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response><redirect url=\""
                            + location.replace("&", "&amp;")
                                    .replace("\"", "&quot;")
                                    .replace("<", "&lt;")
                            + "\"></redirect></partial-response>");
        } else {
            response.sendRedirect(location);
        }
    }
}
