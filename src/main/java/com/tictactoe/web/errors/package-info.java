/**
 * What a person sees when something fails: the error pages with the request's reference, the Faces
 * exception handler, the JSON API's error answers and the log of failed requests. Uses the shared root and
 * accounts (to name the player in the log).
 */
package com.tictactoe.web.errors;
