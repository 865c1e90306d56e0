package com.tictactoe.testsupport;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The WAR exactly as the build packaged it: integration tests run after the package phase. */
public final class Deployments {

    private Deployments() {
    }

    /**
     * The built WAR, plus what in-container tests need: Arquillian's test runner servlet is let
     * through the sign-in requirement that covers every other address.
     */
    public static WebArchive builtWarForInContainerTests() {
        WebArchive war = builtWar();
        String webXml;
        try (InputStream in = war.get("/WEB-INF/web.xml").getAsset().openStream()) {
            webXml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String publicPages = "<url-pattern>/signin.xhtml</url-pattern>";
        if (!webXml.contains(publicPages)) {
            throw new IllegalStateException("web.xml no longer lists the public pages as expected");
        }
        war.delete("/WEB-INF/web.xml");
        war.setWebXML(new StringAsset(webXml.replace(publicPages,
                publicPages + "<url-pattern>/ArquillianServletRunnerEE9</url-pattern>")));
        return war.addClass(Deployments.class);
    }

    public static WebArchive builtWar() {
        File war = new File("target/tictactoe.war");
        if (!war.isFile()) {
            throw new IllegalStateException(war + " is missing: run the tests with 'mvn verify'");
        }
        return ShrinkWrap.createFromZipFile(WebArchive.class, war);
    }
}
