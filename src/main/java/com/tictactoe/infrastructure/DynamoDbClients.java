package com.tictactoe.infrastructure;

import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/** Builds the DynamoDB client the settings describe. */
public final class DynamoDbClients {

    /*
     * Short timeouts: a player waits for each call, and an unreachable DynamoDB should turn into
     * a "try again shortly" page within seconds, not hang the request threads.
     */
    private static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(6);

    private DynamoDbClients() {
    }

    public static DynamoDbClient create(DynamoDbSettings settings) {
        DynamoDbClientBuilder builder = DynamoDbClient.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(1))
                        .socketTimeout(ATTEMPT_TIMEOUT))
                .overrideConfiguration(config -> config
                        .apiCallAttemptTimeout(ATTEMPT_TIMEOUT)
                        .apiCallTimeout(CALL_TIMEOUT));
        settings.endpoint().ifPresent(builder::endpointOverride);
        settings.region().map(Region::of).ifPresent(builder::region);
        if (settings.isLocal()) {
            // DynamoDB Local accepts any key; real AWS credentials come from the default chain.
            builder.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")));
            if (settings.region().isEmpty()) {
                builder.region(Region.US_EAST_1);
            }
        }
        return builder.build();
    }
}
