package dev.parley.runtime.server;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLException;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Server TLS: from PEM files ({@code --tls-cert/--tls-key}) or a fresh self-signed certificate
 * ({@code --tls-self-signed}) valid for {@code localhost}, {@code 127.0.0.1}, {@code ::1} and the bind host, whose
 * PEM is written to a temp file so clients can be told to trust it.
 */
final class TlsContextFactory {
    /** A built context and, for self-signed, where its certificate's PEM is. */
    /**
     * @param context        the WebSocket listener's TLS
     * @param certificatePem the served certificate as PEM (the generated one with --tls-self-signed)
     * @param keys           the same key and certificate for another transport's TLS (gRPC), so one
     *                       {@code --tls-self-signed} covers every port
     */
    record Tls(SslContext context, Path certificatePem, KeyManager[] keys) {
    }

    private TlsContextFactory() {
    }

    static Tls create(ServerOptions o) throws IOException, GeneralSecurityException {
        if (o.tlsCert() != null) {
            for (Path p : new Path[] {o.tlsCert(), o.tlsKey()}) {
                if (!Files.isReadable(p)) {
                    throw new IOException("TLS file not readable: " + p + " (check --tls-cert/--tls-key)");
                }
            }
            try {
                SslContext ctx = SslContextBuilder.forServer(o.tlsCert().toFile(), o.tlsKey().toFile()).build();
                return new Tls(ctx, o.tlsCert(), null);
            } catch (SSLException | IllegalArgumentException e) {
                throw new IOException("Cannot use --tls-cert " + o.tlsCert() + " / --tls-key " + o.tlsKey()
                        + ": " + e.getMessage() + " (expected a PEM certificate chain and a PEM PKCS#8 key)", e);
            }
        }
        return selfSigned(o.host());
    }

    static Tls selfSigned(String host) throws IOException, GeneralSecurityException {
        KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
        gen.initialize(2048, new SecureRandom());
        KeyPair kp = gen.generateKeyPair();
        X500Name name = new X500Name("CN=localhost, O=Parley development");
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(name,
                new BigInteger(64, new SecureRandom()), Date.from(now.minus(Duration.ofDays(1))),
                Date.from(now.plus(Duration.ofDays(365))), name, kp.getPublic());
        b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(sans(host)));
        X509Certificate cert;
        try {
            cert = new JcaX509CertificateConverter().getCertificate(
                    b.build(new JcaContentSignerBuilder("SHA256withRSA").build(kp.getPrivate())));
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException("cannot sign the self-signed certificate", e);
        }
        StringWriter pem = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(pem)) {
            w.writeObject(cert);
        }
        Path file = Files.createTempFile("parley-self-signed-", ".pem");
        Files.writeString(file, pem.toString());
        file.toFile().deleteOnExit();
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("parley", kp.getPrivate(), new char[0], new java.security.cert.Certificate[] {cert});
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, new char[0]);
        return new Tls(SslContextBuilder.forServer(kp.getPrivate(), cert).build(), file, keys.getKeyManagers());
    }

    private static GeneralName[] sans(String host) {
        java.util.List<GeneralName> names = new java.util.ArrayList<>();
        names.add(new GeneralName(GeneralName.dNSName, "localhost"));
        names.add(new GeneralName(GeneralName.iPAddress, "127.0.0.1"));
        names.add(new GeneralName(GeneralName.iPAddress, "::1"));
        if (host != null && !host.isBlank() && !host.equals("localhost") && !host.equals("127.0.0.1")
                && !host.equals("0.0.0.0") && !host.equals("::")) {
            boolean ip = host.chars().allMatch(c -> Character.isDigit(c) || c == '.' || c == ':');
            names.add(new GeneralName(ip ? GeneralName.iPAddress : GeneralName.dNSName, host));
        }
        return names.toArray(GeneralName[]::new);
    }
}
