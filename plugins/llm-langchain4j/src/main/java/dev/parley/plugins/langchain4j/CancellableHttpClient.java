package dev.parley.plugins.langchain4j;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;

/**
 * LangChain4j's HTTP client contract over the JDK client, with streaming requests tied to the current
 * {@link CancelScope}: cancel aborts the exchange while waiting for headers and closes the response stream once it
 * flows, so the server sees the connection close at once.
 */
final class CancellableHttpClient implements HttpClient {
    private final java.net.http.HttpClient http;
    private final Duration readTimeout;

    CancellableHttpClient(java.net.http.HttpClient.Builder builder, Duration readTimeout) {
        this.http = builder.build();
        this.readTimeout = readTimeout;
    }

    @Override
    public SuccessfulHttpResponse execute(HttpRequest request) {
        try {
            HttpResponse<byte[]> response = http.send(toJdkRequest(request), BodyHandlers.ofByteArray());
            if (response.statusCode() < 200 || response.statusCode() >= 300) {
                throw new HttpException(response.statusCode(), new String(response.body(), StandardCharsets.UTF_8));
            }
            return SuccessfulHttpResponse.builder().statusCode(response.statusCode())
                    .headers(response.headers().map()).body(response.body()).build();
        } catch (HttpTimeoutException e) {
            throw new TimeoutException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
        CancelScope scope = CancelScope.current();
        CompletableFuture<HttpResponse<InputStream>> exchange =
                http.sendAsync(toJdkRequest(request), BodyHandlers.ofInputStream());
        if (scope != null) {
            scope.onCancel(() -> exchange.cancel(true));
        }
        exchange.thenAccept(response -> {
            InputStream body = response.body();
            if (scope != null) {
                scope.onCancel(() -> closeQuietly(body));
            }
            if (response.statusCode() < 200 || response.statusCode() >= 300) {
                listener.onError(new HttpException(response.statusCode(), readBody(body)));
                return;
            }
            listener.onOpen(SuccessfulHttpResponse.builder().statusCode(response.statusCode())
                    .headers(response.headers().map()).build());
            try (body) {
                parser.parse(body, listener);
            } catch (IOException e) {
                listener.onError(e);
                return;
            }
            if (scope == null || !scope.isCancelled()) {
                listener.onClose();
            }
        }).exceptionally(failure -> {
            Throwable cause = failure.getCause() == null ? failure : failure.getCause();
            if (scope != null && scope.isCancelled() || cause instanceof CancellationException) {
                return null;
            }
            listener.onError(cause instanceof HttpTimeoutException ? new TimeoutException(cause) : cause);
            return null;
        });
    }

    private java.net.http.HttpRequest toJdkRequest(HttpRequest request) {
        java.net.http.HttpRequest.Builder builder = java.net.http.HttpRequest.newBuilder(URI.create(request.url()));
        request.headers().forEach((name, values) -> {
            if (values != null) {
                values.forEach(value -> builder.header(name, value));
            }
        });
        builder.method(request.method().name(), request.body() == null
                ? java.net.http.HttpRequest.BodyPublishers.noBody()
                : java.net.http.HttpRequest.BodyPublishers.ofString(request.body()));
        if (readTimeout != null) {
            builder.timeout(readTimeout);
        }
        return builder.build();
    }

    private static String readBody(InputStream body) {
        try (body) {
            return new String(body.readNBytes(64 * 1024), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(error body unreadable: " + e.getMessage() + ")";
        }
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // closing to abort: nothing to do if it fails
        }
    }
}
