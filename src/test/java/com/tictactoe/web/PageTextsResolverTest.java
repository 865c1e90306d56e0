package com.tictactoe.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.el.ELContext;
import jakarta.el.ELResolver;
import jakarta.el.FunctionMapper;
import jakarta.el.PropertyNotWritableException;
import jakarta.el.VariableMapper;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * {@code #{text}} and its texts answered as the pages use them, and everything else left to the
 * resolvers after it. Outside a Faces request the texts are English; the pages' languages are
 * ServerHardeningIT's.
 */
class PageTextsResolverTest {

    private final PageTextsResolver resolver = new PageTextsResolver();
    private final PageTexts text = PageTexts.ONLY;
    private final Texts english = Texts.in(Locale.ENGLISH);

    @Test
    void textIsThePageTextsAndReadsAKey() {
        ELContext context = new PlainContext();
        assertSame(text, resolver.getValue(context, null, "text"));
        assertTrue(context.isPropertyResolved());

        context = new PlainContext();
        assertEquals(english.get("lobby.title"), resolver.getValue(context, text, "lobby.title"));
        assertTrue(context.isPropertyResolved());

        assertThrows(IllegalArgumentException.class, () -> resolver.getValue(new PlainContext(), text, "no.such"));
    }

    @Test
    void formatsWithOneOrTwoArguments() {
        ELContext context = new PlainContext();
        assertEquals(
                english.get("lobby.acceptLabel", "alice"),
                resolver.invoke(context, text, "format", null, new Object[] {"lobby.acceptLabel", "alice"}));
        assertTrue(context.isPropertyResolved());

        context = new PlainContext();
        assertEquals(
                english.get("game.versus", "alice", "bob"),
                resolver.invoke(context, text, "format", null, new Object[] {"game.versus", "alice", "bob"}));
        assertTrue(context.isPropertyResolved());
    }

    @Test
    void emphasisesTheNameEscaped() {
        ELContext context = new PlainContext();
        assertEquals(
                "<strong>&lt;b&gt;bob</strong> invites you",
                resolver.invoke(context, text, "emphasised", null, new Object[] {"lobby.invitesYou", "<b>bob"}));
        assertTrue(context.isPropertyResolved());
    }

    @Test
    void theTextsAreReadOnly() {
        ELContext context = new PlainContext();
        assertTrue(resolver.isReadOnly(context, text, "lobby.title"));
        assertTrue(context.isPropertyResolved());
        assertThrows(
                PropertyNotWritableException.class, () -> resolver.setValue(new PlainContext(), null, "text", "x"));
        assertThrows(
                PropertyNotWritableException.class,
                () -> resolver.setValue(new PlainContext(), text, "lobby.title", "x"));
    }

    @Test
    void leavesOtherNamesCallsAndBeansToTheResolversAfterIt() {
        ELContext context = new PlainContext();
        assertNull(resolver.getValue(context, null, "lobby"));
        assertNull(resolver.getValue(context, "a string", "text"));
        assertFalse(resolver.isReadOnly(context, null, "lobby"));
        resolver.setValue(context, null, "lobby", "x");
        assertFalse(context.isPropertyResolved());

        assertNotCalled(text, "get", new Object[] {"lobby.title", "x"});
        assertNotCalled(text, "emphasised", new Object[] {"lobby.invitesYou", "a", "b"});
        assertNotCalled(text, "format", new Object[] {"lobby.title"});
        assertNotCalled(text, "format", new Object[] {"a", "b", "c", "d"});
        assertNotCalled(text, "format", null);
        assertNotCalled("a string", "format", new Object[] {"lobby.acceptLabel", "alice"});
        assertNotCalled(null, "format", new Object[] {"lobby.acceptLabel", "alice"});
    }

    private void assertNotCalled(Object base, String method, Object[] params) {
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
