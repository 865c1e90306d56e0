package com.tictactoe.web.errors;

import static com.tictactoe.web.errors.Causes.causedBy;

import com.tictactoe.domain.GameIds;
import com.tictactoe.domain.StoreBusyException;
import com.tictactoe.domain.StoreUnavailableException;
import com.tictactoe.web.Texts;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import jakarta.faces.event.PhaseId;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;

/**
 * Turns every failure of a Faces request into something a person can act on, for full-page and
 * AJAX requests alike, and never shows a stack trace:
 * an expired view goes back to its page with a notice, an unreachable DynamoDB answers 503 with
 * a page that retries by itself, anything else answers 500 with a way back.
 */
public class FriendlyExceptionHandler extends ExceptionHandlerWrapper {

    public FriendlyExceptionHandler(ExceptionHandler wrapped) {
        super(wrapped);
    }

    @Override
    public void handle() {
        Iterator<ExceptionQueuedEvent> events =
                getUnhandledExceptionQueuedEvents().iterator();
        if (events.hasNext()) {
            Throwable failure = events.next().getContext().getException();
            events.remove();
            while (events.hasNext()) {
                events.next();
                events.remove();
            }
            try {
                respond(FacesContext.getCurrentInstance(), failure);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        getWrapped().handle();
    }

    private static void respond(FacesContext faces, Throwable failure) throws IOException {
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        boolean ajax = faces.getPartialViewContext().isAjaxRequest();
        if (causedBy(failure, StoreBusyException.class)
                && faces.isPostback()
                && faces.getCurrentPhaseId() != PhaseId.RENDER_RESPONSE) {
            // DynamoDB is over capacity even after the SDK's retries, and nothing was written: the
            // page is shown again as it was, with a word to try again, so one more click will do.
            RequestIds.failed(request, failure);
            faces.addMessage(
                    null,
                    new FacesMessage(FacesMessage.SEVERITY_WARN, Texts.current().get("error.busy"), null));
            return;
        }
        if (causedBy(failure, ViewExpiredException.class)) {
            external.redirect(
                    pageAddress(external) + (pageAddress(external).contains("?") ? "&" : "?") + "expired=true");
        } else if (causedBy(failure, StoreUnavailableException.class)) {
            // logged once, with the request's reference, by FailedRequestLog
            RequestIds.failed(request, failure);
            if (ajax) {
                // The page itself is requested again: it shows the 503 page until DynamoDB is back.
                external.redirect(pageAddress(external));
            } else {
                sendError(faces, HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            }
        } else {
            RequestIds.failed(request, failure);
            if (ajax) {
                external.redirect(ErrorPages.errorAddress(request));
            } else {
                sendError(faces, HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
            }
        }
        faces.responseComplete();
    }

    private static void sendError(FacesContext faces, int status) throws IOException {
        ExternalContext external = faces.getExternalContext();
        if (external.isResponseCommitted()) {
            return;
        }
        external.responseReset();
        external.responseSendError(status, null);
    }

    /**
     * The address of the page the request came from, with the game id it shows if any. A
     * postback's own URL has no query, so the game id travels in a hidden field of every form.
     */
    private static String pageAddress(ExternalContext external) {
        String viewPath = external.getRequestServletPath();
        String base = external.getRequestContextPath();
        if (viewPath == null || !viewPath.endsWith(".xhtml")) {
            return base + "/";
        }
        String gameId = external.getRequestParameterMap().get("id");
        if (gameId == null) {
            gameId = external.getRequestParameterMap().get("gameId");
        }
        return GameIds.isPlausible(gameId) ? base + viewPath + "?id=" + gameId : base + viewPath;
    }
}
