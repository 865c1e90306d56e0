/**
 * Players' records: a player's page (wins, losses and draws, head-to-head, every finished game page
 * by page) and the leaderboard, both rendered without a view state. Uses the shared root and the
 * application; nothing uses it (the lobby links to its pages by address).
 */
package com.tictactoe.web.players;
