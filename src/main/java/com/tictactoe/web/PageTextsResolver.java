package com.tictactoe.web;

import jakarta.el.ELContext;
import jakarta.el.ELResolver;
import jakarta.el.PropertyNotWritableException;
import jakarta.faces.context.FacesContext;

/**
 * The page texts ({@link PageTexts}): {@code #{text}}, {@code #{text['key']}} and
 * {@code #{text.format('key', argument)}}, in the language of the page's request, answered before
 * the general resolvers see them. Otherwise {@code text} would be looked up as a CDI bean and its
 * methods by reflection, again for every expression, and a lobby's rows hold dozens: the
 * reflection alone cost more than the texts it formatted. Anything else goes on to the resolvers
 * after it unchanged.
 */
public class PageTextsResolver extends ELResolver {

    /** The name the pages read the texts by. */
    static final String NAME = "text";

    @Override
    public Object getValue(ELContext context, Object base, Object property) {
        if (base == null) {
            if (!NAME.equals(property)) {
                return null;
            }
            context.setPropertyResolved(null, property);
            return PageTexts.ONLY;
        }
        if (!(base instanceof PageTexts)) {
            return null;
        }
        context.setPropertyResolved(base, property);
        return textsOf(context).get(String.valueOf(property));
    }

    @Override
    public Object invoke(ELContext context, Object base, Object method, Class<?>[] paramTypes, Object[] params) {
        if (!(base instanceof PageTexts) || params == null || params.length < 2 || params.length > 3) {
            return null;
        }
        String key = params[0] instanceof String text ? text : context.convertToType(params[0], String.class);
        String name = String.valueOf(method);
        Object result = null;
        if (name.equals("format")) {
            Texts texts = textsOf(context);
            result = params.length == 2 ? texts.get(key, params[1]) : texts.get(key, params[1], params[2]);
        } else if (name.equals("emphasised") && params.length == 2) {
            result = PageTexts.emphasised(textsOf(context), key, params[1]);
        }
        if (result != null) {
            context.setPropertyResolved(base, method);
        }
        return result;
    }

    /** The request's texts, from the Faces context that evaluates the page: no thread-local lookup. */
    private static Texts textsOf(ELContext context) {
        return Texts.of((FacesContext) context.getContext(FacesContext.class));
    }

    private static boolean isOurs(Object base, Object property) {
        return base == null ? NAME.equals(property) : base instanceof PageTexts;
    }

    @Override
    public Class<?> getType(ELContext context, Object base, Object property) {
        if (isOurs(base, property)) {
            context.setPropertyResolved(base, property);
        }
        return null; // read only either way
    }

    @Override
    public void setValue(ELContext context, Object base, Object property, Object value) {
        if (isOurs(base, property)) {
            throw new PropertyNotWritableException("The page texts are read only: " + property);
        }
    }

    @Override
    public boolean isReadOnly(ELContext context, Object base, Object property) {
        if (isOurs(base, property)) {
            context.setPropertyResolved(base, property);
            return true;
        }
        return false;
    }

    @Override
    public Class<?> getCommonPropertyType(ELContext context, Object base) {
        return base == null || base instanceof PageTexts ? String.class : null;
    }
}
