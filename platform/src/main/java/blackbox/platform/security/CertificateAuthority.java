package blackbox.platform.security;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A private certificate authority for one stack: its key signs one certificate per {@link Identities identity}, and
 * every service trusts only certificates it signed. Keys are EC P-256, certificates signed SHA256withECDSA; the CA is
 * valid ten years, a service certificate two, each for {@code localhost} and {@code 127.0.0.1} (and its identity as
 * a DNS name) with both the TLS server and client purposes.
 *
 * <p>Files are PEM, written owner-only ({@code rw-------} in an {@code rwx------} directory where the file system
 * has POSIX permissions): {@code ca.pem}, {@code ca.key}, {@code <identity>.pem}, {@code <identity>.key}.
 */
public final class CertificateAuthority {
    public static final String CA_CERTIFICATE = "ca.pem";
    static final String CA_KEY = "ca.key";
    private static final Duration CA_VALIDITY = Duration.ofDays(3650);
    private static final Duration LEAF_VALIDITY = Duration.ofDays(730);
    /** A certificate this close to its end is issued again rather than reused. */
    private static final Duration RENEW_BEFORE = Duration.ofDays(30);
    private static final String SIGNATURE = "SHA256withECDSA";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final X509Certificate certificate;
    private final PrivateKey key;

    private CertificateAuthority(X509Certificate certificate, PrivateKey key) {
        this.certificate = certificate;
        this.key = key;
    }

    /** A new CA named {@code name} (its CN), held in memory until {@link #loadOrCreate} or {@link #write}. */
    public static CertificateAuthority create(String name) {
        try {
            KeyPair pair = newKeyPair();
            X500Name subject = name(name);
            Instant now = Instant.now();
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, serial(),
                    Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(CA_VALIDITY)), subject, pair.getPublic());
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            builder.addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(pair.getPublic()));
            return new CertificateAuthority(sign(builder, pair.getPrivate()), pair.getPrivate());
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot create the certificate authority " + name + ": " + e, e);
        }
    }

    /**
     * The CA kept in {@code dir} ({@link #CA_CERTIFICATE}, {@code ca.key}), created (and the directory made
     * owner-only) when there is none.
     *
     * @throws UncheckedIOException naming the file that cannot be read or written
     */
    public static CertificateAuthority loadOrCreate(Path dir, String name) {
        Path cert = dir.resolve(CA_CERTIFICATE);
        Path key = dir.resolve(CA_KEY);
        if (Files.isRegularFile(cert) && Files.isRegularFile(key)) {
            return new CertificateAuthority(readCertificate(cert), readKey(key));
        }
        CertificateAuthority ca = create(name);
        ca.write(dir);
        return ca;
    }

    /** Writes {@code ca.pem} and {@code ca.key} into {@code dir} (created owner-only if missing). */
    public void write(Path dir) {
        ownerOnlyDirectory(dir);
        writeOwnerOnly(dir.resolve(CA_CERTIFICATE), pem(certificate));
        writeOwnerOnly(dir.resolve(CA_KEY), pkcs8(key));
    }

    /** The CA's certificate, the one every peer trusts. */
    public X509Certificate certificate() {
        return certificate;
    }

    /**
     * The certificate of {@code identity} in {@code dir} ({@code <identity>.pem}, {@code <identity>.key}), issued
     * now unless one this CA signed is there and not within 30 days of its end. The CA's certificate is written
     * beside it when missing.
     *
     * @return the identity's files, trusting this CA
     */
    public TlsFiles issue(String identity, Path dir) {
        ownerOnlyDirectory(dir);
        Path caFile = dir.resolve(CA_CERTIFICATE);
        if (!Files.isRegularFile(caFile)) writeOwnerOnly(caFile, pem(certificate));
        Path cert = dir.resolve(identity + ".pem");
        Path keyFile = dir.resolve(identity + ".key");
        TlsFiles files = new TlsFiles(cert, keyFile, caFile);
        if (Files.isRegularFile(cert) && Files.isRegularFile(keyFile) && stillGood(readCertificate(cert))) return files;
        try {
            KeyPair pair = newKeyPair();
            Instant now = Instant.now();
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(certificate, serial(),
                    Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(LEAF_VALIDITY)), name(identity), pair.getPublic());
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyAgreement));
            builder.addExtension(Extension.extendedKeyUsage, false,
                    new ExtendedKeyUsage(new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}));
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                    new GeneralName(GeneralName.dNSName, "localhost"),
                    new GeneralName(GeneralName.iPAddress, InetAddress.getLoopbackAddress().getHostAddress()),
                    new GeneralName(GeneralName.dNSName, identity)}));
            builder.addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(pair.getPublic()));
            builder.addExtension(Extension.authorityKeyIdentifier, false, extensions.createAuthorityKeyIdentifier(certificate));
            X509Certificate leaf = sign(builder, key);
            writeOwnerOnly(keyFile, pkcs8(pair.getPrivate()));
            writeOwnerOnly(cert, pem(leaf));
            return files;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot issue the certificate of " + identity + ": " + e, e);
        }
    }

    private boolean stillGood(X509Certificate leaf) {
        try {
            leaf.verify(certificate.getPublicKey());
            leaf.checkValidity(Date.from(Instant.now().plus(RENEW_BEFORE)));
            return true;
        } catch (GeneralSecurityException e) {
            return false; // another CA's, or ending soon: issue a new one
        }
    }

    private static KeyPair newKeyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
        return generator.generateKeyPair();
    }

    private static X500Name name(String commonName) {
        return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.O, "BlackBox").addRDN(BCStyle.CN, commonName).build();
    }

    private static BigInteger serial() {
        return new BigInteger(127, RANDOM);
    }

    private static X509Certificate sign(JcaX509v3CertificateBuilder builder, PrivateKey signer) throws GeneralSecurityException {
        try {
            return new JcaX509CertificateConverter().getCertificate(builder.build(new JcaContentSignerBuilder(SIGNATURE).build(signer)));
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException(e);
        }
    }

    /** The first certificate of a PEM file. */
    static X509Certificate readCertificate(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII); PEMParser parser = new PEMParser(reader)) {
            if (!(parser.readObject() instanceof X509CertificateHolder holder)) {
                throw new IllegalArgumentException(file + " holds no PEM certificate");
            }
            return new JcaX509CertificateConverter().getCertificate(holder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    private static PrivateKey readKey(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII); PEMParser parser = new PEMParser(reader)) {
            if (!(parser.readObject() instanceof PrivateKeyInfo info)) {
                throw new IllegalArgumentException(file + " holds no PKCS#8 private key");
            }
            return new JcaPEMKeyConverter().getPrivateKey(info);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static String pem(Object object) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(object);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static String pkcs8(PrivateKey key) {
        try {
            return pem(new JcaPKCS8Generator(key, null));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode a private key", e);
        }
    }

    private static void ownerOnlyDirectory(Path dir) {
        try {
            Files.createDirectories(dir);
            if (Files.getFileStore(dir).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + dir, e);
        }
    }

    /** Written to a temporary file made owner-only first, then moved into place: the key is never readable by others. */
    private static void writeOwnerOnly(Path file, String content) {
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.deleteIfExists(temp);
            if (Files.getFileStore(file.getParent()).supportsFileAttributeView("posix")) {
                Files.createFile(temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            Files.writeString(temp, content, StandardCharsets.US_ASCII);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
