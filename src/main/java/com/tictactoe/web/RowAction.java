package com.tictactoe.web;

import jakarta.faces.component.FacesComponent;
import jakarta.faces.component.UICommand;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ActionEvent;

/**
 * The action behind one kind of button that every row of a list has (Accept, Decline, a square of
 * the board). The rows' buttons are plain HTML named by this component's client id, each carrying
 * its row's value (a game id, a square's name), which the action takes from the request's
 * parameters. One component stands for all the rows: a command button with its parameter and Ajax
 * behaviour per row cost the lobby 10-12% of its CPU in the button renderer alone (JFR), more in
 * building and saving those components (see src/docs/performance.md). Without script the buttons still work, as full
 * postbacks; app.js sends those with a {@code data-render} attribute by Ajax.
 */
@FacesComponent(createTag = true, tagName = "rowAction", namespace = RowAction.NAMESPACE)
public class RowAction extends UICommand {

    /** The facelets namespace of this application's own tags. */
    public static final String NAMESPACE = "tictactoe";

    public RowAction() {
        // nothing to render: the buttons are written by the page itself
        setRendererType(null);
    }

    @Override
    public void decode(FacesContext context) {
        if (context.getExternalContext().getRequestParameterMap().containsKey(getClientId(context))) {
            queueEvent(new ActionEvent(context, this));
        }
    }
}
