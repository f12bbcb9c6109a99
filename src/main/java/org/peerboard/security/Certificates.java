package org.peerboard.security;

import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.SelfSignedCertificate;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.HexFormat;
import java.util.Optional;
import org.peerboard.Config;

/**
 * The certificate for HTTPS: the operator's PEM files, or a self-signed one made at first start and
 * kept in the data directory (so its fingerprint, which people compare on their screens, stays the
 * same across restarts).
 */
public final class Certificates {
  private Certificates() {}

  /** The certificate and key in use, with the certificate's SHA-256 fingerprint. */
  public record InUse(PemKeyCertOptions options, String fingerprint, boolean generated) {}

  public static Optional<InUse> of(Config config) throws IOException {
    Config.Tls tls = config.tls();
    if (!tls.on()) {
      return Optional.empty();
    }
    Path cert;
    Path key;
    boolean generated = false;
    if (tls.certPath().isPresent()) {
      cert = tls.certPath().get();
      key = tls.keyPath().orElseThrow();
    } else {
      Path dir = config.dataDir().resolve("tls");
      cert = dir.resolve("self-signed.crt");
      key = dir.resolve("self-signed.key");
      if (!Files.exists(cert) || !Files.exists(key)) {
        Files.createDirectories(dir);
        SelfSignedCertificate made = SelfSignedCertificate.create("peerboard");
        Files.copy(Path.of(made.certificatePath()), cert, StandardCopyOption.REPLACE_EXISTING);
        Files.copy(Path.of(made.privateKeyPath()), key, StandardCopyOption.REPLACE_EXISTING);
        made.delete();
        ownerOnly(key);
        generated = true;
      }
    }
    if (!Files.isReadable(cert) || !Files.isReadable(key)) {
      throw new IOException("cannot read the TLS certificate " + cert + " or its key " + key);
    }
    return Optional.of(
        new InUse(
            new PemKeyCertOptions().setCertPath(cert.toString()).setKeyPath(key.toString()),
            fingerprint(cert),
            generated));
  }

  /** SHA-256 of the (first) certificate, as browsers show it: hex pairs separated by colons. */
  public static String fingerprint(Path pem) throws IOException {
    try (InputStream in = Files.newInputStream(pem)) {
      Certificate certificate = CertificateFactory.getInstance("X.509").generateCertificate(in);
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
      return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
    } catch (GeneralSecurityException e) {
      throw new IOException("not a PEM certificate: " + pem, e);
    }
  }

  static void ownerOnly(Path file) {
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (IOException | UnsupportedOperationException e) {
      // not a POSIX file system: the data directory's own permissions are what protect it
    }
  }
}
