/**
 * The lobby: invitations received and sent, games in progress, recent results and the new-game form,
 * rendered without a view state; and the page of a challenge by link, which it makes and lists. Uses
 * the shared root, accounts, live updates and the game (to open one); nothing uses it.
 */
package com.tictactoe.web.lobby;
