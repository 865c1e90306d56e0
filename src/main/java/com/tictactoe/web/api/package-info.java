/**
 * The small JSON API the pages' script calls: one servlet that routes {@code /api/...} to the
 * endpoints the rooms declare ({@link com.tictactoe.web.api.ApiEndpoint}), writes their answers as
 * JSON, and answers every refusal and failure in JSON with the request's reference. Uses the shared
 * root and errors; the game and live updates declare endpoints.
 */
package com.tictactoe.web.api;
