/**
 * Accounts and who is signed in: the sign-in, sign-up and sign-out pages, the long-lived sign-in
 * cookie, the filter that sends visitors to the sign-in page, and the HTTP sessions (their cookies, their
 * count and their bound per player). Every other room may ask it who the player is; it uses only the
 * shared root.
 */
package com.tictactoe.web.accounts;
