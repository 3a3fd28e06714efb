package io.revops.salesforce;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A validated Salesforce record id. Accepts the case-sensitive 15-character form and the 18-character
 * form (whose 3-character suffix is a checksum of the letter case, verified here); always held, compared
 * and rendered in the 18-character form.
 */
public final class SalesforceId implements Comparable<SalesforceId> {
  private static final Pattern SHAPE = Pattern.compile("[a-zA-Z0-9]{15}(?:[A-Z0-5]{3})?");
  private static final String SUFFIX_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";
  private static final Map<String, String> KNOWN_PREFIXES = Map.of(
      "001", "Account",
      "003", "Contact",
      "005", "User",
      "006", "Opportunity",
      "00Q", "Lead",
      "069", "ContentDocument",
      "06A", "ContentDocumentLink");

  private final String id18;

  private SalesforceId(String id18) {
    this.id18 = id18;
  }

  /** Parses {@code value}, naming the argument {@code id} in errors. */
  public static SalesforceId of(String value) {
    return of(value, "id");
  }

  /**
   * Parses a 15- or 18-character id.
   *
   * @param argumentName named in the error message, e.g. {@code opp_id}
   * @throws IllegalArgumentException saying what is wrong with the value and how to fix it
   */
  public static SalesforceId of(String value, String argumentName) {
    Objects.requireNonNull(argumentName, "argumentName");
    if (value == null) {
      throw new IllegalArgumentException(argumentName + " is missing: pass a 15- or 18-character Salesforce id");
    }
    String trimmed = value.strip();
    if (!SHAPE.matcher(trimmed).matches()) {
      throw new IllegalArgumentException(argumentName + " '" + abbreviate(trimmed)
          + "' is not a Salesforce id: expected 15 letters/digits, or 18 with a 3-character upper-case"
          + " suffix (e.g. 006Dn00000A1b2cIAB); copy the id from the record's URL");
    }
    String suffix = checksum(trimmed.substring(0, 15));
    if (trimmed.length() == 18 && !trimmed.substring(15).equals(suffix)) {
      throw new IllegalArgumentException(argumentName + " '" + trimmed
          + "' has a wrong 3-character checksum (expected " + suffix + " for "
          + trimmed.substring(0, 15) + "): the id was mistyped or its letter case changed;"
          + " copy it again from Salesforce");
    }
    return new SalesforceId(trimmed.substring(0, 15) + suffix);
  }

  /** True when {@link #of(String)} would accept {@code value}. */
  public static boolean isValid(String value) {
    try {
      of(value);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** Parses an id that must belong to {@code sObjectType} (by its key prefix), e.g. {@code Opportunity}. */
  public static SalesforceId ofType(String value, String sObjectType, String argumentName) {
    SalesforceId id = of(value, argumentName);
    Optional<String> known = id.knownObject();
    if (known.isPresent() && !known.get().equals(sObjectType)
        || known.isEmpty() && KNOWN_PREFIXES.containsValue(sObjectType)) {
      throw new IllegalArgumentException(argumentName + " '" + value + "' is " + id.describePrefix()
          + ", not " + article(sObjectType) + ": pass the id of " + article(sObjectType)
          + (KNOWN_PREFIXES.containsValue(sObjectType) ? " (it starts with " + prefixOf(sObjectType) + ")" : ""));
    }
    return id;
  }

  /** The 18-character, case-insensitive-safe form. */
  public String to18() {
    return id18;
  }

  /** The 15-character, case-sensitive form. */
  public String to15() {
    return id18.substring(0, 15);
  }

  /** The first three characters, which identify the object type (e.g. {@code 006}). */
  public String keyPrefix() {
    return id18.substring(0, 3);
  }

  /** The standard object this id's key prefix denotes, when it is one of the well-known ones. */
  public Optional<String> knownObject() {
    return Optional.ofNullable(KNOWN_PREFIXES.get(keyPrefix()));
  }

  @Override
  public int compareTo(SalesforceId other) {
    return id18.compareTo(other.id18);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SalesforceId other && other.id18.equals(id18);
  }

  @Override
  public int hashCode() {
    return id18.hashCode();
  }

  /** The 18-character form. */
  @Override
  public String toString() {
    return id18;
  }

  static String checksum(String id15) {
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

  private String describePrefix() {
    return knownObject().map(SalesforceId::article).orElse("an id with key prefix " + keyPrefix());
  }

  private static String prefixOf(String sObjectType) {
    return KNOWN_PREFIXES.entrySet().stream()
        .filter(e -> e.getValue().equals(sObjectType)).map(Map.Entry::getKey).findFirst().orElse("?");
  }

  private static String article(String noun) {
    return ("AEIOU".indexOf(noun.charAt(0)) >= 0 ? "an " : "a ") + noun;
  }

  private static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "…";
  }
}
