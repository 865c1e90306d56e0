/**
 * The use cases: {@link com.tictactoe.application.GameFacade} (the stateless EJB that holds the game's
 * business rules), accounts and sign-in, the limits on attempts and invitations, and this server's caches of
 * games and lobbies. Uses the domain only; says what it needs from the outside as interfaces
 * ({@link com.tictactoe.application.GameMetrics}, the domain's repositories) that infrastructure implements,
 * and announces changes as CDI events ({@link com.tictactoe.application.GameChanged}).
 */
package com.tictactoe.application;
