import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URL;

/**
 * The container's HEALTHCHECK: exits 0 when the URL answers 200, 1 otherwise (another status, no
 * answer within the timeouts, no server). The payara/micro image has no curl or wget, but a JVM.
 * Compiled in the Dockerfile's build stage, so that a runtime image without a compiler runs it.
 */
public final class HealthProbe {

    private static final int TIMEOUT_MS = 3000;

    private HealthProbe() {
    }

    public static void main(String[] args) {
        String url = args.length > 0 ? args[0] : "http://127.0.0.1:8080/health/ready";
        try {
            HttpURLConnection connection = (HttpURLConnection) new URL(url).openConnection();
            connection.setConnectTimeout(TIMEOUT_MS);
            connection.setReadTimeout(TIMEOUT_MS);
            int status = connection.getResponseCode();
            if (status == 200) {
                System.exit(0);
            }
            System.err.println(url + " answered " + status);
        } catch (IOException e) {
            System.err.println(url + ": " + e);
        }
        System.exit(1);
    }
}
