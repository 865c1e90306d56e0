package com.tictactoe.testsupport;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The WAR exactly as the build packaged it: integration tests run after the package phase. */
public final class Deployments {

    private Deployments() {}

    /**
     * The built WAR, plus what in-container tests need. Arquillian's test runner servlet is no
     * page, so the sign-in filter lets it through as it is.
     */
    public static WebArchive builtWarForInContainerTests() {
        return builtWar().addClass(Deployments.class);
    }

    public static WebArchive builtWar() {
        File war = new File("target/tictactoe.war");
        if (!war.isFile()) {
            throw new IllegalStateException(war + " is missing: run the tests with 'mvn verify'");
        }
        return ShrinkWrap.createFromZipFile(WebArchive.class, war);
    }
}
