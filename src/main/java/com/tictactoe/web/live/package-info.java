/**
 * Live updates: pushes a game change over the Faces websocket to the players and watchers of the game,
 * guards the websocket handshake, and answers the slow poll of pages that cannot hold a websocket. Uses the
 * shared root, accounts and the API; the game and the lobby use it.
 */
package com.tictactoe.web.live;
