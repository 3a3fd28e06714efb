package io.revops.clari.internal;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Salesforce record ids (15-character case-sensitive or 18-character with checksum), validated here so
 * clari-client does not depend on salesforce-client.
 */
public final class SalesforceIds {
  private static final Pattern SHAPE = Pattern.compile("[a-zA-Z0-9]{15}(?:[A-Z0-5]{3})?");
  private static final String SUFFIX_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";

  private SalesforceIds() {
  }

  /** The 18-character form of a valid id, or empty when malformed or its checksum is wrong. */
  public static Optional<String> to18(String id) {
    if (id == null || !SHAPE.matcher(id).matches()) {
      return Optional.empty();
    }
    String expected = id.substring(0, 15) + checksum(id.substring(0, 15));
    if (id.length() == 18 && !id.equals(expected)) {
      return Optional.empty();
    }
    return Optional.of(expected);
  }

  private static String checksum(String id15) {
    StringBuilder suffix = new StringBuilder(3);
    for (int chunk = 0; chunk < 3; chunk++) {
      int bits = 0;
      for (int i = 0; i < 5; i++) {
        char c = id15.charAt(chunk * 5 + i);
        if (c >= 'A' && c <= 'Z') {
          bits |= 1 << i;
        }
      }
      suffix.append(SUFFIX_ALPHABET.charAt(bits));
    }
    return suffix.toString();
  }
}
