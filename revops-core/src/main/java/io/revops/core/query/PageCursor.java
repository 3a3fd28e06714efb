package io.revops.core.query;

import io.revops.core.RevOpsArgumentException;
import io.revops.salesforce.QueryCursor;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The opaque cursor handed to callers: base64url (no padding) of {@code 1|<fingerprint>|<path>}, where
 * the path is Salesforce's {@code nextRecordsUrl} and the fingerprint is the first 12 bytes of the
 * SHA-256 of the query as sent. The fingerprint lets a caller who repeats the query along with the
 * cursor be told when the two do not belong together; it is not a secret or a signature. On the way
 * back in, the path is validated by the SDK's {@link QueryCursor} (a relative
 * {@code /services/data/vNN.N/query/<locator>} path only), so a cursor can never point anywhere else.
 */
record PageCursor(String fingerprint, QueryCursor cursor) {
  private static final String VERSION = "1";
  private static final int FINGERPRINT_BYTES = 12;
  private static final int MAX_ENCODED_LENGTH = 1_000;

  String encode() {
    String plain = VERSION + "|" + fingerprint + "|" + cursor.path();
    return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
  }

  /** True when this cursor was issued for the query that, after the guard, reads {@code sentSoql}. */
  boolean belongsTo(String sentSoql) {
    return fingerprint.equals(fingerprint(sentSoql));
  }

  /**
   * Reads a cursor a caller passed back.
   *
   * @throws RevOpsArgumentException naming {@code cursor} when it is not one this service issued
   */
  static PageCursor decode(String encoded) {
    return tryDecode(encoded.strip()).orElseThrow(() -> new RevOpsArgumentException("cursor",
        "'" + abbreviate(encoded) + "' is not a cursor this server issued, or it was altered",
        "Pass nextCursor exactly as the previous page returned it, or run the query again without a cursor"));
  }

  private static Optional<PageCursor> tryDecode(String encoded) {
    if (encoded.isEmpty() || encoded.length() > MAX_ENCODED_LENGTH) {
      return Optional.empty();
    }
    String plain;
    try {
      plain = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException notBase64) {
      return Optional.empty();
    }
    String[] parts = plain.split("\\|", 3);
    if (parts.length != 3 || !parts[0].equals(VERSION) || !parts[1].matches("[0-9a-f]{" + 2 * FINGERPRINT_BYTES + "}")) {
      return Optional.empty();
    }
    try {
      return Optional.of(new PageCursor(parts[1], QueryCursor.of(parts[2])));
    } catch (IllegalArgumentException foreignPath) {
      return Optional.empty();
    }
  }

  /** The fingerprint of the query as sent, which cursors of its pages carry. */
  static String fingerprint(String sentSoql) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(sentSoql.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, FINGERPRINT_BYTES);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime provides SHA-256", e);
    }
  }

  private static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "…";
  }
}
