package com.tictactoe.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.el.ELContext;
import jakarta.el.ELResolver;
import jakarta.el.FunctionMapper;
import jakarta.el.VariableMapper;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The page texts' calls answered as the bean resolver would, and everything else left to it. */
class PageTextsResolverTest {

    private final PageTextsResolver resolver = new PageTextsResolver();
    private final PageTexts pageTexts = new PageTexts();
    private final Texts english = Texts.in(Locale.ENGLISH);

    @Test
    void formatsWithOneOrTwoArgumentsAsThePageTextsDo() {
        ELContext context = new PlainContext();
        assertEquals(
                english.get("lobby.acceptLabel", "alice"),
                resolver.invoke(context, pageTexts, "format", null, new Object[] {"lobby.acceptLabel", "alice"}));
        assertTrue(context.isPropertyResolved());

        context = new PlainContext();
        assertEquals(
                english.get("game.versus", "alice", "bob"),
                resolver.invoke(context, pageTexts, "format", null, new Object[] {"game.versus", "alice", "bob"}));
        assertTrue(context.isPropertyResolved());
    }

    @Test
    void emphasisesTheNameEscaped() {
        ELContext context = new PlainContext();
        assertEquals(
                PageTexts.emphasised(english, "lobby.invitesYou", "<b>bob"),
                resolver.invoke(context, pageTexts, "emphasised", null, new Object[] {"lobby.invitesYou", "<b>bob"}));
        assertTrue(context.isPropertyResolved());
    }

    @Test
    void leavesOtherCallsAndOtherBeansToTheResolversAfterIt() {
        assertUnresolved(pageTexts, "get", new Object[] {"lobby.title", "x"});
        assertUnresolved(pageTexts, "emphasised", new Object[] {"lobby.invitesYou", "a", "b"});
        assertUnresolved(pageTexts, "format", new Object[] {"lobby.title"});
        assertUnresolved(pageTexts, "format", new Object[] {"a", "b", "c", "d"});
        assertUnresolved(pageTexts, "format", null);
        assertUnresolved("a string", "format", new Object[] {"lobby.acceptLabel", "alice"});
        assertUnresolved(null, "format", new Object[] {"lobby.acceptLabel", "alice"});
    }

    private void assertUnresolved(Object base, String method, Object[] params) {
        ELContext context = new PlainContext();
        assertNull(resolver.invoke(context, base, method, null, params));
        assertFalse(context.isPropertyResolved(), method);
    }

    /** The least an ELContext is: resolution is all these tests look at. */
    private static final class PlainContext extends ELContext {
        @Override
        public ELResolver getELResolver() {
            return null;
        }

        @Override
        public FunctionMapper getFunctionMapper() {
            return null;
        }

        @Override
        public VariableMapper getVariableMapper() {
            return null;
        }
    }
}
