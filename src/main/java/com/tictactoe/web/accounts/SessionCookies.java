package com.tictactoe.web.accounts;

import com.tictactoe.web.WebSettings;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/**
 * The session cookie is HttpOnly and SameSite=Lax by web.xml (and, for Payara, glassfish-web.xml).
 * It is Secure whenever the request came over TLS, which the server decides by itself, and always
 * when {@code tictactoe.secure-cookies} says so, for TLS that ends at a load balancer.
 */
@WebListener
public class SessionCookies implements ServletContextListener {

    @Override
    public void contextInitialized(ServletContextEvent event) {
        if (WebSettings.fromEnvironment().secureCookies()) {
            event.getServletContext().getSessionCookieConfig().setSecure(true);
        }
    }
}
