package dev.parley.plugins.langchain4j;

import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;

import java.time.Duration;

/**
 * Builds {@link CancellableHttpClient}s for LangChain4j model builders. HTTP/1.1 on purpose: each generation has
 * its own connection, so closing it stops the server's work on every OpenAI-compatible server (an HTTP/2 stream
 * reset is not honoured by all of them), and plain-http servers get no h2c upgrade attempt.
 */
public final class CancellableHttpClientBuilder implements HttpClientBuilder {
    private Duration connectTimeout;
    private Duration readTimeout;

    @Override
    public Duration connectTimeout() {
        return connectTimeout;
    }

    @Override
    public HttpClientBuilder connectTimeout(Duration timeout) {
        this.connectTimeout = timeout;
        return this;
    }

    @Override
    public Duration readTimeout() {
        return readTimeout;
    }

    @Override
    public HttpClientBuilder readTimeout(Duration timeout) {
        this.readTimeout = timeout;
        return this;
    }

    @Override
    public HttpClient build() {
        java.net.http.HttpClient.Builder jdk = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1);
        if (connectTimeout != null) {
            jdk.connectTimeout(connectTimeout);
        }
        return new CancellableHttpClient(jdk, readTimeout);
    }
}
