/**
 * Health checks and metrics in the server's MicroProfile APIs. These classes go into a jar of their own
 * in the WAR and carry no annotation (but {@code HealthActivation}, whose annotation is all it is for): {@link com.tictactoe.infrastructure.MicroProfileAdapters} makes them
 * beans only where the server has the APIs, so that the WAR also deploys on servers without them. The only
 * package that names MicroProfile types.
 */
package com.tictactoe.infrastructure.microprofile;
