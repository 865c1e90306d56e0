/**
 * The small JSON API the pages' script calls: one servlet that routes {@code /api/...} to the
 * endpoints the rooms declare ({@link com.tictactoe.web.api.ApiEndpoint}), writes their answers as
 * JSON, and answers every refusal and failure in JSON with the request's reference. Uses the shared
 * root, accounts and errors; the game, the lobby and live updates declare endpoints, and the guards
 * answer a call they refuse through it.
 */
package com.tictactoe.web.api;
