/**
 * The web's shared root: the Faces configuration, the app's cookies, the per-session form
 * token, cross-site checks and the messages a page shows. Uses application and domain; the rooms below
 * (accounts, errors, guards, api, live, game, lobby, players) may use it, it uses none of them.
 */
package com.tictactoe.web;
