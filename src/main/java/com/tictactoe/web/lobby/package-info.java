/**
 * The lobby: invitations received and sent, games in progress, recent results and the new-game form,
 * rendered without a view state; its Invite and Accept as the lobby's script sends them to the API;
 * and the page of a challenge by link, which it makes and lists. Uses the shared root, accounts, the
 * API, live updates and the game (to open one); nothing uses it.
 */
package com.tictactoe.web.lobby;
