/**
 * Adapters to DynamoDB (AWS SDK for Java v2): a DAO per table that wraps every call, the tables'
 * attribute names and bootstrap, retries and call metrics, and the settings read from the environment.
 * Implements the domain's repositories and application's interfaces; nothing else may use it, and it is
 * the only package that talks to AWS.
 */
package com.tictactoe.infrastructure;
