/**
 * What a person sees when something fails: the error pages with the request's reference, the Faces
 * exception handler and the log of failed requests. Uses the shared root and accounts (to name the
 * player in the log); guards and the JSON API use it.
 */
package com.tictactoe.web.errors;
