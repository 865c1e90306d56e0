# The WAR on Payara Micro, launched with the same server options as the local run and the tests,
# and as a cluster member like ScaleOutIT's servers (DockerfileTest checks the Payara version and
# the options against the pom and src/run).
#   docker build -t tictactoe .
#   docker run -p 8080:8080 -e AWS_REGION=eu-west-1 tictactoe
# Configuration: environment variables TICTACTOE_* (README, "Configuration"; more in src/docs/operations.md), AWS credentials from
# the SDK's default chain (ECS task role, EKS service account, instance profile, AWS_* variables).
# JVM: MEM_MAX_RAM_PERCENTAGE (heap as a share of the container's memory limit), JVM_ARGS (more).
# Cluster: the containers are members of Payara's cluster "tictactoe" on port 5900, which carries
# game changes between servers (src/docs/several-servers.md); PAYARA_CLUSTER_MODE is how they find
# each other, the value of Payara Micro's --clustermode, e.g. dns:NAME:5900 (deploy/ sets it).
# Empty: Payara's default, multicast, which finds containers on one Docker network only.

FROM maven:3.9.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
COPY src src
# maven.test.skip also switches on the pom's war-only profile: only what the WAR contains is
# downloaded, not the test scope (Payara Micro, DynamoDB Local, Selenium).
RUN mvn -B -q -Dmaven.test.skip=true package
COPY deploy/container/HealthProbe.java .
RUN javac --release 17 -d /probe HealthProbe.java

FROM payara/micro:6.2025.10-jdk17
# The image's unprivileged user (uid 1000); the copied files stay root's, read-only to it.
USER payara
COPY --from=build /src/target/tictactoe.war /opt/payara/deployments/tictactoe.war
COPY --from=build /probe /opt/payara/probe
COPY deploy/payara-preboot.asadmin /opt/payara/preboot.asadmin
# Two malloc arenas: glibc's default (eight per core) costs tens of MB of resident memory here.
ENV MEM_MAX_RAM_PERCENTAGE=60.0 \
    JVM_ARGS="" \
    PAYARA_CLUSTER_MODE="" \
    MALLOC_ARENA_MAX=2
EXPOSE 8080 5900
# Heap from the container's memory limit; the rest stays for metaspace, threads and buffers.
# A heap that stays full ends the JVM (the parallel collector's overhead limit, then an
# OutOfMemoryError), so that the orchestrator starts a fresh container instead of one collecting
# garbage nearly all the time (PayaraMicroProcess.FAIL_FAST_OPTIONS says why these). The JSON-P
# provider is named, not looked up on every push (PayaraMicroProcess.JSON_PROVIDER says why).
# Thread priorities as Linux schedules them, so that pages run behind moves: only where the
# container may raise a priority again (a nice limit of 20, e.g. docker run --ulimit nice=20),
# else the JVM warns once and pages run at the moves' priority (src/docs/operations.md).
# The discovery mode is the platform's (an exec-form CMD cannot read a variable): it comes last.
ENTRYPOINT ["/bin/sh", "-c", "exec java -XX:+UseContainerSupport -XX:MaxRAMPercentage=${MEM_MAX_RAM_PERCENTAGE} -XX:+UseParallelGC -XX:GCTimeLimit=50 -XX:GCHeapFreeLimit=20 -XX:+ExitOnOutOfMemoryError -XX:ThreadPriorityPolicy=1 -XX:JavaPriority1_To_OSPriority=19 -Djakarta.json.provider=org.eclipse.parsson.JsonProviderImpl ${JVM_ARGS} -jar /opt/payara/payara-micro.jar \"$@\" ${PAYARA_CLUSTER_MODE:+--clustermode \"$PAYARA_CLUSTER_MODE\"}", "payara-micro"]
CMD ["--deploy", "/opt/payara/deployments/tictactoe.war", "--contextroot", "/", "--port", "8080", "--disablephonehome", "--prebootcommandfile", "/opt/payara/preboot.asadmin", "--clustername", "tictactoe", "--startport", "5900"]
# Readiness: unhealthy while DynamoDB or a table is unreachable. Docker only reports it; ECS and
# Kubernetes use their own checks (deploy/), which restart on liveness and route on readiness.
# All ask the metrics listener (8081), whose threads are its own: it answers while every request
# thread waits (deploy/payara-preboot.asadmin).
HEALTHCHECK --interval=15s --timeout=5s --start-period=120s --retries=3 \
    CMD ["java", "-Xmx16m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", "/opt/payara/probe", "HealthProbe", "http://127.0.0.1:8081/health/ready"]
