package io.revops.salesforce.soql.ast;

/** The access-mode clause a query names with {@code WITH ...}. */
public enum AccessMode {
  /** {@code WITH SECURITY_ENFORCED}: fail on the first SELECT/FROM field the user cannot read. */
  SECURITY_ENFORCED,
  /** {@code WITH USER_MODE}: enforce the running user's object, field and sharing rules everywhere. */
  USER_MODE,
  /** {@code WITH SYSTEM_MODE}: ignore the running user's permissions. */
  SYSTEM_MODE
}
