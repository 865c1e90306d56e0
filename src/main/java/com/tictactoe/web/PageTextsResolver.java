package com.tictactoe.web;

import jakarta.el.ELContext;
import jakarta.el.ELResolver;
import jakarta.faces.context.FacesContext;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Calls the page texts' methods ({@code #{text.format('lobby.acceptLabel', row.opponent)}})
 * without reflection, in the language of the page's request. EL's bean resolver looks a called method up again on every call, among all
 * the methods of the CDI proxy in front of {@link PageTexts}: in a lobby's rows that lookup cost
 * more than the texts it formatted. Every other expression, and any call it does not know, goes
 * on to the resolvers after it unchanged.
 */
public class PageTextsResolver extends ELResolver {

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
        FacesContext faces = (FacesContext) context.getContext(FacesContext.class);
        return Texts.of(
                faces == null
                        ? null
                        : (HttpServletRequest) faces.getExternalContext().getRequest());
    }

    @Override
    public Object getValue(ELContext context, Object base, Object property) {
        return null;
    }

    @Override
    public Class<?> getType(ELContext context, Object base, Object property) {
        return null;
    }

    @Override
    public void setValue(ELContext context, Object base, Object property, Object value) {
        // Texts are read only; writes go on to the other resolvers
    }

    @Override
    public boolean isReadOnly(ELContext context, Object base, Object property) {
        return false;
    }

    @Override
    public Class<?> getCommonPropertyType(ELContext context, Object base) {
        return null;
    }
}
