/**
 * The local run ({@code mvn -Prun package}): starts DynamoDB Local and Payara Micro with the WAR. The
 * tests start their servers with the same classes. Never part of the WAR.
 */
package com.tictactoe.run;
