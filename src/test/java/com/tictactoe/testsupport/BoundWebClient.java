package com.tictactoe.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A person at another address: plain HTTP/1.0 with cookies from a socket bound to a local address
 * of our choosing (any of 127.0.0.0/8 on Linux), so that the server sees a client address other
 * than 127.0.0.1. JDK 17's HttpClient cannot choose its local address. One connection per request;
 * HTTP/1.0 keeps the answer unchunked and ends it by closing.
 */
public final class BoundWebClient {

    /** An answer: its status, its headers (names in lower case, last value wins) and its body. */
    public record Response(int status, Map<String, String> headers, String body) {}

    private static final Pattern VIEW_STATE =
            Pattern.compile("name=\"jakarta\\.faces\\.ViewState\"[^>]*value=\"([^\"]+)\"");

    private final InetAddress localAddress;
    private final String host;
    private final int port;
    private final String context;
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private String lastPage = "";

    public BoundWebClient(URL base, String localAddress) {
        try {
            this.localAddress = InetAddress.getByName(localAddress);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.host = base.getHost();
        this.port = base.getPort();
        this.context = base.getPath().replaceAll("/$", "");
    }

    public Response get(String path) {
        return send("GET " + context + path, null);
    }

    public Response post(String path, Map<String, String> form) {
        return send("POST " + context + path, WebClient.encode(form));
    }

    public Response signUp(String username, String password) {
        get("/signup.xhtml");
        return post("/signup.xhtml", WebClient.signUpForm(username, password, viewState(), formToken()));
    }

    public Response signIn(String username, String password) {
        get("/signin.xhtml");
        return post("/signin.xhtml", WebClient.signInForm(username, password, viewState(), formToken()));
    }

    /** The visitor token of the last page (VisitorFormToken), which its cookie came with. */
    private String formToken() {
        Matcher matcher = java.util.regex.Pattern.compile("name=\"tictactoe-visitor\" value=\"([^\"]*)\"")
                .matcher(lastPage);
        if (!matcher.find()) {
            throw new IllegalStateException("No form token on the page: " + lastPage);
        }
        return matcher.group(1);
    }

    private String viewState() {
        Matcher matcher = VIEW_STATE.matcher(lastPage);
        if (!matcher.find()) {
            throw new IllegalStateException("No ViewState on the page: " + lastPage);
        }
        return matcher.group(1);
    }

    private Response send(String requestLine, String formBody) {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(localAddress, 0));
            socket.connect(new InetSocketAddress(host, port), 10_000);
            socket.setSoTimeout(60_000);
            StringBuilder request = new StringBuilder(requestLine)
                    .append(" HTTP/1.0\r\n")
                    .append("Host: ")
                    .append(host)
                    .append(':')
                    .append(port)
                    .append("\r\n");
            if (!cookies.isEmpty()) {
                request.append("Cookie: ")
                        .append(cookies.entrySet().stream()
                                .map(c -> c.getKey() + "=" + c.getValue())
                                .collect(Collectors.joining("; ")))
                        .append("\r\n");
            }
            byte[] body = formBody == null ? new byte[0] : formBody.getBytes(StandardCharsets.UTF_8);
            if (formBody != null) {
                request.append("Content-Type: application/x-www-form-urlencoded\r\n")
                        .append("Content-Length: ")
                        .append(body.length)
                        .append("\r\n");
            }
            request.append("\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            return read(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Response read(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        in.transferTo(all);
        String text = all.toString(StandardCharsets.UTF_8);
        int end = text.indexOf("\r\n\r\n");
        String[] head = text.substring(0, end).split("\r\n");
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < head.length; i++) {
            int colon = head[i].indexOf(':');
            String name = head[i].substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = head[i].substring(colon + 1).trim();
            headers.put(name, value);
            if (name.equals("set-cookie")) {
                String pair = value.split(";", 2)[0];
                int equals = pair.indexOf('=');
                String cookie = pair.substring(0, equals).trim();
                String cookieValue = pair.substring(equals + 1).trim();
                if (cookieValue.isEmpty() || value.toLowerCase(Locale.ROOT).contains("max-age=0")) {
                    cookies.remove(cookie);
                } else {
                    cookies.put(cookie, cookieValue);
                }
            }
        }
        lastPage = text.substring(end + 4);
        return new Response(Integer.parseInt(head[0].split(" ")[1]), headers, lastPage);
    }
}
