package org.pchat.server.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** A small HTTP client for the tests: JSON in and out, headers per call, no redirects followed. */
public final class TestHttp {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final WebTestServer server;

    public TestHttp(WebTestServer server) {
        this.server = server;
    }

    /** A response with its body as bytes and, when it is JSON, parsed. */
    public record Reply(int status, HttpResponse<byte[]> response) {
        public JsonNode json() {
            try {
                return JSON.readTree(response.body());
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + new String(response.body()), e);
            }
        }

        public String text() {
            return new String(response.body(), java.nio.charset.StandardCharsets.UTF_8);
        }

        public byte[] bytes() {
            return response.body();
        }

        public String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }
    }

    public Reply get(String path, Map<String, String> headers) {
        return send(builder(path, headers).GET());
    }

    public Reply delete(String path, Map<String, String> headers) {
        return send(builder(path, headers).DELETE());
    }

    public Reply json(String method, String path, Object body, Map<String, String> headers) {
        try {
            byte[] bytes = body instanceof String s ? s.getBytes(java.nio.charset.StandardCharsets.UTF_8)
                    : JSON.writeValueAsBytes(body);
            return send(builder(path, headers).header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(bytes)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Reply bytes(String method, String path, byte[] body, String contentType, Map<String, String> headers) {
        HttpRequest.Builder b = builder(path, headers).method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return send(b);
    }

    public Reply send(HttpRequest.Builder builder) {
        try {
            HttpResponse<byte[]> response = client.send(builder.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            return new Reply(response.statusCode(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpRequest.Builder builder(String path, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(server.uri(path));
        headers.forEach(b::header);
        return b;
    }

    public static URI uri(WebTestServer server, String path) {
        return server.uri(path);
    }
}
