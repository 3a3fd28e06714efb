package io.revops.core.writes;

import java.util.List;
import java.util.Objects;

/**
 * The org's audit object is missing, or lacks fields the audit-first write policy needs, so
 * {@link AuditedWriter#updateField} refused to change anything. The message names each problem and
 * how an administrator creates what is missing; {@link #problems()} lists the problems one by one.
 * Nothing was written when this is thrown.
 */
public final class AuditSetupException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String auditObject;
  private final List<String> problems;

  AuditSetupException(String auditObject, List<String> problems, String message) {
    super(message);
    this.auditObject = Objects.requireNonNull(auditObject, "auditObject");
    this.problems = List.copyOf(problems);
  }

  /** The audit object's API name, such as {@code Cleanup_Audit__c}. */
  public String auditObject() {
    return auditObject;
  }

  /** Each problem found, such as {@code "Old_Value__c is missing"}. */
  public List<String> problems() {
    return problems;
  }
}
