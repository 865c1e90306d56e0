/**
 * The game itself, in plain Java: the board, its squares and winning lines, the rules of a game from
 * invitation to result, accounts, and the repository interfaces that the stores implement. Uses nothing but
 * {@code java.*}; every other package may use it.
 */
package com.tictactoe.domain;
