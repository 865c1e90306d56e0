# Builds the WAR and runs it on Payara Micro, as the tests do.
#   docker build -t tictactoe .
#   docker run -p 8080:8080 -e AWS_REGION=eu-west-1 tictactoe
# AWS credentials come from the SDK's default chain (task role, instance profile, env vars).
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
COPY src src
RUN mvn -B -q -DskipTests package

FROM payara/micro:6.2025.10-jdk17
COPY --from=build /src/target/tictactoe.war /opt/payara/deployments/ROOT.war
COPY deploy/payara-preboot.asadmin /opt/payara/preboot.asadmin
EXPOSE 8080
CMD ["--deploymentDir", "/opt/payara/deployments", "--contextroot", "/", "--nohazelcast", "--disablephonehome", "--prebootcommandfile", "/opt/payara/preboot.asadmin"]
