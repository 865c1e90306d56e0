/**
 * The lobby: invitations received and sent, games in progress, recent results and the new-game form,
 * rendered without a view state. Uses the shared root, accounts, live updates and the game (to open one);
 * nothing uses it.
 */
package com.tictactoe.web.lobby;
