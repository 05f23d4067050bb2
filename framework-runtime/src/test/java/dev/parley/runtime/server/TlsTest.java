package dev.parley.runtime.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;

/** wss with the generated self-signed certificate (trusted explicitly, hostname 127.0.0.1 verified). */
class TlsTest {
    @Test
    void selfSignedServesWssToAClientTrustingItsCertificate() throws Exception {
        try (TestServer server = new TestServer(TestServer.options(List.of()).withTlsSelfSigned(true))) {
            assertTrue(server.server.url().startsWith("wss://127.0.0.1:"));
            assertTrue(server.server.listeningLine().startsWith("Parley listening on wss://127.0.0.1:"));
            Path pem = server.server.certificatePem().orElseThrow();
            try (RealtimeTestClient c = RealtimeTestClient.connect(server.url(), trusting(pem))) {
                c.expect("session.created");
                c.send(TextTurnConformanceTest.USER_TEXT);
                c.send(TextTurnConformanceTest.TEXT_RESPONSE);
                assertEquals("completed", c.await("response.done").at("/response/status").asText());
            }
            assertThrows(Exception.class, () -> RealtimeTestClient.connect(server.url(), SSLContext.getDefault()),
                    "an untrusted certificate is refused by a default client");
        }
    }

    @Test
    void pemFilesFromOptionsAreServed() throws Exception {
        TlsContextFactory.Tls generated = TlsContextFactory.selfSigned("127.0.0.1");
        assertTrue(Files.readString(generated.certificatePem()).startsWith("-----BEGIN CERTIFICATE-----"));
        ServerOptions bad = TestServer.options(List.of()).withTls(Path.of("/nonexistent/cert.pem"),
                Path.of("/nonexistent/key.pem"));
        Exception e = assertThrows(Exception.class, () -> new TestServer(bad));
        assertTrue(e.getMessage().contains("/nonexistent/cert.pem"), e.getMessage());
    }

    static SSLContext trusting(Path pem) throws Exception {
        KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
        ks.load(null, null);
        try (InputStream in = Files.newInputStream(pem)) {
            ks.setCertificateEntry("parley", (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(in));
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return ctx;
    }
}
