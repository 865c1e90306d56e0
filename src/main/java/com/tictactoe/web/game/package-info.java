/**
 * The game page: the board, whose turn it is, the result, and the endpoint that takes a move from the
 * page's script. Uses the shared root, accounts, the API and live updates; the lobby links to it.
 */
package com.tictactoe.web.game;
