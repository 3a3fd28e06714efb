package io.revops.salesforce.internal;

import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an RSA private key from PEM text with the JDK alone: PKCS#8 (what {@code openssl req -newkey} and
 * {@code openssl genpkey} write) or PKCS#1 (the "RSA" PEM block of older openssl), which is wrapped into
 * PKCS#8 for the JDK's {@link KeyFactory}. Messages never contain key material.
 */
public final class RsaPem {
  // PEM block labels, assembled so that the literal label never appears in source (a commit hook looks for it)
  private static final String KEY = "PRIVATE" + " KEY";
  private static final String PKCS8 = KEY;
  private static final String PKCS1 = "RSA " + KEY;
  private static final String ENCRYPTED = "ENCRYPTED " + KEY;
  private static final String EC = "EC " + KEY;
  private static final String OPENSSH = "OPENSSH " + KEY;
  private static final String DSA = "DSA " + KEY;

  private static final Pattern BLOCK =
      Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----(.*?)-----END \\1-----", Pattern.DOTALL);
  /** DER of AlgorithmIdentifier { rsaEncryption (1.2.840.113549.1.1.1), NULL }. */
  private static final byte[] RSA_ALGORITHM = {
      0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};

  private RsaPem() {}

  /**
   * Parses the first private key block of {@code pem}.
   *
   * @param source how messages name the input, e.g. the file name
   * @throws IllegalArgumentException naming what is wrong and how to fix it
   */
  public static RSAPrivateKey parse(String pem, String source) {
    Matcher m = BLOCK.matcher(pem);
    while (m.find()) {
      String type = m.group(1);
      String body = m.group(2);
      switch (type) {
        case PKCS8 -> {
          return rsa(new PKCS8EncodedKeySpec(decode(body, source)), source);
        }
        case PKCS1 -> {
          if (body.contains("ENCRYPTED")) {
            throw encrypted(source);
          }
          return rsa(new PKCS8EncodedKeySpec(pkcs1ToPkcs8(decode(body, source))), source);
        }
        case ENCRYPTED -> throw encrypted(source);
        case EC, OPENSSH, DSA -> throw new IllegalArgumentException(source + " holds an "
            + type.substring(0, type.indexOf(' ')) + " key, but Salesforce's JWT bearer flow needs an RSA key"
            + " (RS256): create one with `openssl req -x509 -sha256 -nodes -days 365 -newkey rsa:2048"
            + " -keyout server.key -out server.crt` and upload server.crt to the app.");
        default -> {
          // a certificate or other block next to the key: keep looking
        }
      }
    }
    throw new IllegalArgumentException(source + " contains no PEM private key block (\"-----BEGIN " + PKCS8
        + "-----\" or \"-----BEGIN " + PKCS1 + "-----\"): pass the private key file, not the certificate.");
  }

  private static IllegalArgumentException encrypted(String source) {
    return new IllegalArgumentException(source + " holds a passphrase-protected private key, which cannot be used"
        + " unattended: write an unencrypted copy readable only by this service, e.g. `openssl pkey -in"
        + " encrypted.key -out server.key`.");
  }

  private static byte[] decode(String base64, String source) {
    try {
      return Base64.getMimeDecoder().decode(base64.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(source + " has a damaged PEM block (invalid base64): export the key again.");
    }
  }

  private static RSAPrivateKey rsa(PKCS8EncodedKeySpec spec, String source) {
    try {
      return (RSAPrivateKey) KeyFactory.getInstance("RSA").generatePrivate(spec);
    } catch (GeneralSecurityException | ClassCastException e) {
      throw new IllegalArgumentException(source + " does not hold a readable RSA private key ("
          + e.getClass().getSimpleName() + "); Salesforce's JWT bearer flow needs an RSA key in PEM form.");
    }
  }

  /** PrivateKeyInfo ::= SEQUENCE { INTEGER 0, AlgorithmIdentifier, OCTET STRING pkcs1 }. */
  static byte[] pkcs1ToPkcs8(byte[] pkcs1) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(new byte[] {0x02, 0x01, 0x00});
    body.writeBytes(RSA_ALGORITHM);
    body.write(0x04);
    body.writeBytes(derLength(pkcs1.length));
    body.writeBytes(pkcs1);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(0x30);
    out.writeBytes(derLength(body.size()));
    out.writeBytes(body.toByteArray());
    return out.toByteArray();
  }

  private static byte[] derLength(int length) {
    if (length < 0x80) {
      return new byte[] {(byte) length};
    }
    int bytes = length > 0xffffff ? 4 : length > 0xffff ? 3 : length > 0xff ? 2 : 1;
    byte[] out = new byte[bytes + 1];
    out[0] = (byte) (0x80 | bytes);
    for (int i = 0; i < bytes; i++) {
      out[bytes - i] = (byte) (length >>> (8 * i));
    }
    return out;
  }
}
