/*
 * Live pages. The server pushes a change over the Faces websocket when a game changes: the game's
 * id, and from its acceptance to its end its board and the mark to move or the result. A game page
 * shows such a start, move or end itself, and a lobby an invitation; for anything else, the page
 * concerned re-renders itself. Should the websocket be unavailable, the page polls a small version
 * endpoint instead (and, as a safety net, slowly even while the socket is open).
 */
(function () {
    "use strict";

    var POLL_WHILE_OPEN_MS = 20000;
    var POLL_WHILE_CLOSED_MS = 2000;
    var socketOpen = false;
    /* The socket was lost (a server restart, a network change): catch up once the server answers. */
    var socketLost = false;
    var timer = null;

    function marker() {
        return document.getElementById("live-version");
    }

    /*
     * Re-renders the page's live part by Ajax: the marker names the action that reads it again (a
     * RowAction in the marker's form) and what to render, unless told what.
     */
    function refresh(render) {
        var element = marker();
        var action = element && element.getAttribute("data-refresh");
        if (!action || typeof faces === "undefined") {
            return;
        }
        var params = {};
        params[action] = "1";
        faces.ajax.request(element, null, {
            execute: action,
            render: render || element.getAttribute("data-render"),
            params: params,
            onerror: function () {
                var current = marker();
                if (current) {
                    current.setAttribute("data-version", "-1"); // not shown after all: the next poll catches up
                }
            }
        });
    }

    /*
     * Re-renders the page for a change it cannot show itself. Its version counts as shown from now
     * on, so that the same change arriving twice (pushed, and as the answer to the page's own move)
     * is re-rendered once.
     */
    function rerender(change) {
        var element = marker();
        if (element && typeof change.version === "number") {
            element.setAttribute("data-version", String(change.version));
        }
        refresh();
    }

    /*
     * Shows a pushed change on the game page without a request, if it can: nothing to do for a
     * version the page shows already (its own move, an older push arriving late); for a move, or
     * the acceptance that starts the game, the marks, which squares can be played, the status line
     * the server rendered for that mark's turn (data-status-o/-x, present only while the game waits
     * for its guest or is being played) and the page's version; for the end of a game played out,
     * the board with its line and the result the server rendered for it (data-result-o/-x/-draw).
     * False if the page must be re-rendered instead: another kind of change (an invitation, a
     * resignation, a time-out, a deletion), or a page that shows no game under way.
     */
    function show(change) {
        var element = marker();
        var status = document.getElementById("status");
        var board = document.querySelector(".board");
        if (!element) {
            return false;
        }
        if (typeof change.version === "number" && change.version <= Number(element.getAttribute("data-version"))) {
            return true;
        }
        if (!change.board || !status || !board || !element.hasAttribute("data-status-o")) {
            return false;
        }
        if (change.result) {
            return showEnd(change, element, status, board);
        }
        var yours = element.getAttribute("data-mark") === change.next;
        drawBoard(board, change.board, yours, []);
        status.textContent = element.getAttribute("data-status-" + change.next.toLowerCase());
        status.classList.toggle("status-yours", yours);
        board.classList.toggle("board-live", yours);
        // the game started, if it was waiting: a game's actions instead of the invitation's
        setHidden(".pending-actions", true);
        setHidden(".game-actions", false);
        shown(element, change);
        return true;
    }

    /* The end of a game played out, as the server renders a finished game's page. */
    function showEnd(change, element, status, board) {
        var result = document.getElementById("result");
        var text = element.getAttribute("data-result-" + String(change.result).toLowerCase());
        if (!result || !text) {
            return false;
        }
        drawBoard(board, change.board, false, change.line || []);
        status.textContent = element.getAttribute("data-over");
        status.classList.remove("status-yours");
        board.classList.remove("board-live");
        var mark = element.getAttribute("data-mark");
        // as GamePage.getResultClass names them: the player's outcome, nothing for a watcher
        result.className = "result" + (!mark ? "" : change.result === "draw" ? " result-draw"
            : change.result === mark ? " result-win" : " result-loss");
        result.querySelector(".result-text").textContent = text;
        result.hidden = false;
        setHidden(".pending-actions, .game-actions", true);
        // no move is made any more: a later change of this game (a deletion) is re-rendered
        ["data-status-o", "data-status-x", "data-moves"].forEach(function (name) {
            element.removeAttribute(name);
        });
        shown(element, change);
        return true;
    }

    /* The marks on the board's squares, which of them can be played, and the winning line's. */
    function drawBoard(board, marks, playable, line) {
        var element = marker();
        board.querySelectorAll(".cell").forEach(function (cell) {
            var square = cell.getAttribute("data-square");
            var mark = marks[square] || "";
            var label = cell.getAttribute("aria-label");
            cell.textContent = mark;
            // as Cell.getStyleClass names them
            cell.className = "cell" + (mark ? " mark-" + mark.toLowerCase() : "")
                + (line.indexOf(square) >= 0 ? " winning" : "");
            cell.disabled = !playable || mark !== "";
            cell.setAttribute("aria-label", label.substring(0, label.lastIndexOf(", ")) + ", "
                + (mark || element.getAttribute("data-empty")));
        });
    }

    function setHidden(selector, hidden) {
        document.querySelectorAll(selector).forEach(function (part) {
            part.hidden = hidden;
        });
    }

    /* What follows any change shown: the version, and what no longer holds after it. */
    function shown(element, change) {
        element.setAttribute("data-version", String(change.version));
        // what depended on who had the turn since when (the clock, a claim) holds no more
        setHidden("[data-turn-bound]", true);
        showTurns();
        var messages = document.getElementById("messages");
        if (messages) {
            messages.textContent = ""; // as a re-render would: an earlier refusal no longer applies
        }
    }

    /*
     * Shows an invitation pushed to this player's lobby without a request, if it can: a row made
     * from the one the server rendered for it (#invitation-row, the host's name and the game filled
     * in) at the top of the list, its count and, if the lobby was current before the invitation
     * (its version the player's count of changes before it, data-version against since), the
     * version after it. False if the lobby must be re-rendered instead: another kind of change, a
     * list that is full, a lobby without the row.
     */
    function showInvitation(change) {
        var element = marker();
        var template = document.getElementById("invitation-row");
        var list = document.getElementById("invitation-list");
        if (!element || !template || !list || change.version !== 0 || !change.host
                || change.guest !== element.getAttribute("data-player")) {
            return false;
        }
        var listed = false;
        list.querySelectorAll("button[name]").forEach(function (button) {
            listed = listed || button.value === change.game;
        });
        var rows = list.querySelectorAll(".game-row").length;
        if (!listed) {
            if (rows >= Number(list.getAttribute("data-max"))) {
                return false;
            }
            var row = template.content.firstElementChild.cloneNode(true);
            row.querySelector(".who strong").textContent = change.host;
            row.querySelectorAll("button").forEach(function (button) {
                button.value = change.game;
                button.setAttribute("aria-label", button.getAttribute("aria-label").replace("{0}", change.host));
            });
            list.insertBefore(row, list.firstChild);
            rows++;
        }
        var none = document.getElementById("no-invitations");
        if (none) {
            none.remove();
        }
        document.getElementById("invitation-count").textContent = String(rows);
        if (typeof change.since === "number" && String(change.since) === element.getAttribute("data-version")) {
            element.setAttribute("data-version", String(change.changes));
        }
        return true;
    }

    /* A refusal or failure of a move, where the page shows its messages, as h:messages renders one. */
    function showError(text) {
        var messages = document.getElementById("messages");
        if (!messages) {
            return;
        }
        var list = document.createElement("ul");
        var item = document.createElement("li");
        list.className = "messages";
        item.className = "msg msg-error";
        item.textContent = text;
        list.appendChild(item);
        messages.textContent = "";
        messages.appendChild(list);
    }

    /*
     * A click on a square, sent to the page's moves address (data-moves) with the session's token:
     * the answer is the game after the move, shown as a push is, the end of the game included; a
     * refused move says why and shows the board as it is now.
     */
    function play(button) {
        var element = marker();
        document.querySelectorAll(".board .cell").forEach(function (cell) {
            cell.disabled = true; // no second click while a move is on its way
        });
        send(element.getAttribute("data-moves") + "/" + encodeURIComponent(button.value),
            element.getAttribute("data-token")).then(function (answer) {
            if (!answer) {
                return;
            }
            if (answer.ok) {
                if (!show(answer.body)) {
                    rerender(answer.body); // an answer the page cannot show itself
                }
                return;
            }
            showError(answer.body.error || marker().getAttribute("data-move-failed"));
            refresh("game");
        }).catch(function () {
            refresh(); // no answer: show the board as it is, clickable again
        });
    }

    /*
     * A click the page's script sends to the API, with the session's token in a header: the
     * answer's status and body (empty if it is not JSON), or nothing for a player signed out
     * meanwhile, whose page is reloaded (it leads to signing in). Rejected when no answer came.
     */
    function send(address, sessionToken) {
        return fetch(address, {
            method: "POST",
            credentials: "same-origin",
            headers: {"Accept": "application/json", "X-Tictactoe-Token": sessionToken},
            redirect: "error"
        }).then(function (response) {
            if (response.status === 401) {
                window.location.reload();
                return null;
            }
            return response.json().catch(function () {
                return {};
            }).then(function (body) {
                return {ok: response.ok, status: response.status, body: body};
            });
        });
    }

    function token(form) {
        var field = form.querySelector("input[name='tictactoe-token']");
        return field ? field.value : "";
    }

    /*
     * The lobby's Invite and Accept, sent to the API with the session's token: the answer names
     * the game's page, opened at once, without the lobby posted and redirected. A refusal is shown
     * where the lobby shows its messages (and, for an acceptance, the lists re-rendered: the
     * invitation may be gone). A click answered otherwise (no answer, a failure, an outage) posts
     * the form as a page without script does, and the server's page says what happened.
     */
    function openGame(address, form, button, refused) {
        button.disabled = true; // no second click while this one is on its way
        send(address, token(form)).then(function (answer) {
            if (!answer) {
                return;
            }
            if (answer.ok && answer.body.page) {
                window.location.assign(answer.body.page);
            } else if (answer.status === 409 && answer.body.error) {
                button.disabled = false;
                showError(answer.body.error);
                refused();
            } else {
                postForm(form, button);
            }
        }).catch(function () {
            postForm(form, button);
        });
    }

    /*
     * The form posted as without script: the clicked button's name and value with its fields, in
     * one field of the form's own, so that a page shown again from the browser's history does not
     * send an earlier click's with the next one.
     */
    function postForm(form, button) {
        var field = form.querySelector("input[data-clicked]");
        if (!field) {
            field = document.createElement("input");
            field.type = "hidden";
            field.setAttribute("data-clicked", "");
            form.appendChild(field);
        }
        field.name = button.name;
        field.value = button.value;
        form.submit();
    }

    function schedule() {
        clearTimeout(timer);
        if (marker()) {
            timer = setTimeout(poll, socketOpen ? POLL_WHILE_OPEN_MS : POLL_WHILE_CLOSED_MS);
        }
    }

    function poll() {
        var element = marker();
        if (!element || document.hidden) {
            schedule();
            return;
        }
        fetch(element.getAttribute("data-url"), {
            credentials: "same-origin",
            headers: {"Accept": "application/json"},
            redirect: "error"
        }).then(function (response) {
            if (response.status === 401) {
                // signed out meanwhile: the page itself leads to signing in, and back here after
                window.location.reload();
                return null;
            }
            if (response.status === 404) {
                // the game is gone (an invitation declined or cancelled): let the page say so
                refresh();
            }
            return response.ok ? response.json() : null;
        }).then(function (body) {
            var current = marker();
            if (body && socketLost) {
                socketLost = false;
                refresh();
            } else if (body && current && String(body[current.getAttribute("data-field")]) !== current.getAttribute("data-version")) {
                refresh();
            }
        }).catch(function () {
            // offline or signed out: try again later
        }).finally(schedule);
    }

    /*
     * "Your turn", wherever the player looks: the title ("(Your turn) Game vs bob" on a game page,
     * "(2) Lobby" on the lobby), the favicon, and a desktop notification if the player allowed
     * them and the page is not in front when it becomes their turn. Read from the page itself after
     * every change it shows: the status line of a game, the lobby's count of games waiting.
     */
    var baseTitle = null;
    var turnsShown = null;

    function turnsWaiting() {
        var element = marker();
        if (!element) {
            return 0;
        }
        if (element.hasAttribute("data-your-turns")) {
            return Number(element.getAttribute("data-your-turns")) || 0;
        }
        var status = document.getElementById("status");
        return status && status.classList.contains("status-yours") ? 1 : 0;
    }

    function showTurns() {
        var element = marker();
        if (baseTitle === null) {
            baseTitle = document.title;
        }
        var turns = turnsWaiting();
        var prefix = "";
        if (turns > 0) {
            prefix = (element && element.hasAttribute("data-your-turns")
                ? "(" + turns + ")"
                : document.documentElement.getAttribute("data-turn-title")) + " ";
        }
        document.title = prefix + baseTitle;
        var icon = document.getElementById("favicon");
        if (icon) {
            if (!icon.hasAttribute("data-idle")) {
                icon.setAttribute("data-idle", icon.getAttribute("href"));
            }
            icon.setAttribute("href", icon.getAttribute(turns > 0 ? "data-turn" : "data-idle"));
        }
        if (turnsShown !== null && turns > turnsShown && document.hidden) {
            notify(element && element.getAttribute("data-notify"));
        }
        turnsShown = turns;
    }

    function notify(text) {
        if (!text || typeof Notification === "undefined" || Notification.permission !== "granted") {
            return;
        }
        try {
            new Notification(text, {tag: "tictactoe-turn", icon: document.getElementById("favicon").getAttribute("data-turn")});
        } catch (e) {
            // a browser that only notifies from a service worker: the title and the icon say it
        }
    }

    /* The offer to notify, shown where the browser can and the player has not answered yet. */
    function offerNotifications() {
        var offer = document.getElementById("notify");
        if (!offer || !marker() || typeof Notification === "undefined" || Notification.permission !== "default") {
            return;
        }
        offer.hidden = false;
        offer.addEventListener("click", function () {
            offer.hidden = true;
            Notification.requestPermission();
        });
    }

    /* How this page hears of changes right now, for people and tests alike: "push" or "poll". */
    function showLiveMode() {
        document.documentElement.setAttribute("data-live", socketOpen ? "push" : "poll");
    }

    window.ttt = {
        opened: function () {
            socketOpen = true;
            showLiveMode();
            // catch up on whatever changed between rendering the page and opening the socket
            poll();
        },
        closed: function () {
            socketLost = socketLost || socketOpen;
            socketOpen = false;
            showLiveMode();
            schedule();
        },
        /* The socket broke and faces.js is trying to reconnect: poll meanwhile. */
        lost: function () {
            socketLost = true;
            socketOpen = false;
            showLiveMode();
            schedule();
        },
        message: function (change) {
            var element = marker();
            var only = element && element.getAttribute("data-game");
            if (only) {
                if (only === change.game && !show(change)) {
                    rerender(change);
                } else if (only !== change.game && !change.watched && change.version === 0
                        && document.querySelector(".result:not([hidden])")) {
                    // a finished game's page: an invitation of this player sent or withdrawn (version 0,
                    // as GameUpdate numbers a pending game) may be a rematch offer; moves elsewhere are not
                    refresh();
                }
            } else if (!change.watched && !showInvitation(change)) {
                refresh();
            }
        }
    };

    /*
     * A row's button with a data-render attribute (see RowAction) is sent by Ajax, as a Faces
     * command button with an Ajax behaviour would be: its name and value, that part re-rendered. A
     * square of a game being played goes to the page's moves address instead (play).
     */
    document.addEventListener("click", function (event) {
        var button = event.target.closest ? event.target.closest("button[data-render]") : null;
        if (!button || !button.form || typeof faces === "undefined" || button.disabled) {
            return;
        }
        event.preventDefault();
        var element = marker();
        if (button.hasAttribute("data-square") && element && element.hasAttribute("data-moves")) {
            play(button);
            return;
        }
        var params = {};
        params[button.name] = button.value;
        faces.ajax.request(button, event, {
            execute: button.name,
            render: button.getAttribute("data-render"),
            params: params
        });
    });

    /* Invite, from the lobby's form (data-invitations): the typed name, trimmed as the server trims it. */
    document.addEventListener("submit", function (event) {
        var form = event.target;
        var address = form.getAttribute("data-invitations");
        var button = form.querySelector("[type='submit']");
        var name = form.querySelector("input[type='text']");
        if (!address || !button || !name || typeof fetch === "undefined") {
            return;
        }
        event.preventDefault();
        if (!button.disabled) {
            openGame(address + "?opponent=" + encodeURIComponent(name.value.trim()), form, button, function () {});
        }
    });

    /* Accept, in a row of the lobby's invitations (a form with data-games). */
    document.addEventListener("click", function (event) {
        var button = event.target.closest ? event.target.closest("button[name]") : null;
        var form = button && button.form;
        var address = form && form.getAttribute("data-games");
        if (!address || button.name !== form.id + ":accept" || typeof fetch === "undefined") {
            return;
        }
        event.preventDefault();
        if (!button.disabled) {
            openGame(address + "/" + encodeURIComponent(button.value) + "/acceptance", form, button, function () {
                refresh("lists");
            });
        }
    });

    /*
     * A challenge's link copied to the clipboard (data-copy); where the browser does not allow it,
     * the link stays on the page to be copied by hand. The button says it once it is done.
     */
    document.addEventListener("click", function (event) {
        var button = event.target.closest ? event.target.closest("button[data-copy]") : null;
        if (!button || !navigator.clipboard || !navigator.clipboard.writeText) {
            return;
        }
        navigator.clipboard.writeText(button.getAttribute("data-copy")).then(function () {
            button.textContent = button.getAttribute("data-copied");
        }, function () {
            // not allowed here: the link is shown beside the button
        });
    });

    /*
     * A replay's keys: Left and Right step back and forward, Home and End go to the start and the
     * end, by following the page's links for them (data-key), so that each position keeps its own
     * address. Keys with a modifier are the browser's (Alt+Left goes back in history), and keys
     * typed into a field are the field's.
     */
    document.addEventListener("keydown", function (event) {
        if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey || event.defaultPrevented) {
            return;
        }
        var target = event.target;
        if (target && target.closest && target.closest("input, textarea, select, [contenteditable]")) {
            return;
        }
        var link = document.querySelector("a[data-key='" + event.key + "'][href]");
        if (link) {
            event.preventDefault();
            window.location.assign(link.href);
        }
    });

    document.addEventListener("visibilitychange", function () {
        if (!document.hidden) {
            poll();
        }
    });
    document.addEventListener("DOMContentLoaded", function () {
        if (!socketOpen) {
            showLiveMode();
        }
        showTurns();
        offerNotifications();
        if (typeof faces !== "undefined") {
            // a part of the page re-rendered (the lobby's lists, a game's resignation): its turns anew
            faces.ajax.addOnEvent(function (data) {
                if (data.status === "success") {
                    showTurns();
                }
            });
        }
        schedule();
    });
}());
