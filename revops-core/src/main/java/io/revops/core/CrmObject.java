package io.revops.core;

import io.revops.salesforce.SalesforceId;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The Salesforce objects revops-core reads by id and writes to, with the key prefix their ids
 * carry. Writes and notes are limited to these four on purpose.
 */
public enum CrmObject {
  ACCOUNT("Account", "001"),
  OPPORTUNITY("Opportunity", "006"),
  CONTACT("Contact", "003"),
  LEAD("Lead", "00Q");

  private final String apiName;
  private final String keyPrefix;

  CrmObject(String apiName, String keyPrefix) {
    this.apiName = apiName;
    this.keyPrefix = keyPrefix;
  }

  /** The sObject API name, such as {@code Opportunity}. */
  public String apiName() {
    return apiName;
  }

  /** The first three characters of this object's ids, such as {@code 006}. */
  public String keyPrefix() {
    return keyPrefix;
  }

  /**
   * Reads an object type by its API name, ignoring case.
   *
   * @throws RevOpsArgumentException naming {@code argument} when it is not one of the four
   */
  public static CrmObject parse(String argument, String text) {
    String wanted = text == null ? "" : text.trim();
    return Arrays.stream(values())
        .filter(object -> object.apiName.toLowerCase(Locale.ROOT).equals(wanted.toLowerCase(Locale.ROOT)))
        .findFirst()
        .orElseThrow(() -> new RevOpsArgumentException(argument,
            "'" + wanted + "' is not an object type this server reads or writes",
            "Use one of " + names()));
  }

  /**
   * Validates an id of this object (15 or 18 characters, checksum, key prefix).
   *
   * @throws RevOpsArgumentException naming {@code argument} when the id is malformed or of another object
   */
  public SalesforceId requireId(String argument, String id) {
    try {
      return SalesforceId.ofType(id, apiName, argument);
    } catch (IllegalArgumentException e) {
      throw new RevOpsArgumentException(argument, e);
    }
  }

  private static String names() {
    return Arrays.stream(values()).map(CrmObject::apiName).collect(Collectors.joining(", "));
  }
}
