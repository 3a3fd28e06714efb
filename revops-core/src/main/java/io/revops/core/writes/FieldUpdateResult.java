package io.revops.core.writes;

import io.revops.core.CrmObject;
import io.revops.salesforce.SalesforceId;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link AuditedWriter#updateField} did, in one of four shapes. Every shape names the record and
 * field and carries a {@link #message()} a person can act on: what happened, what is known for
 * certain, and what to do next. Values are shown as text; an empty {@code Optional} means blank.
 */
public sealed interface FieldUpdateResult {

  /** The object of the record. */
  CrmObject objectType();

  /** The record's id. */
  SalesforceId recordId();

  /** The field's API name as the org spells it (or as given, when the update was refused early). */
  String field();

  /** What happened and what to do next, in plain words. */
  String message();

  /**
   * The field was changed and the change is recorded in the audit object (both committed in the same
   * transaction).
   *
   * @param oldValue the value before the change, as read just before writing
   * @param newValue the value written
   * @param auditRecordId the audit row recording the change
   */
  record Applied(
      CrmObject objectType, SalesforceId recordId, String field, Optional<String> oldValue,
      Optional<String> newValue, SalesforceId auditRecordId, String message) implements FieldUpdateResult {
    public Applied {
      Objects.requireNonNull(objectType, "objectType");
      Objects.requireNonNull(recordId, "recordId");
      Objects.requireNonNull(field, "field");
      Objects.requireNonNull(oldValue, "oldValue");
      Objects.requireNonNull(newValue, "newValue");
      Objects.requireNonNull(auditRecordId, "auditRecordId");
      Objects.requireNonNull(message, "message");
    }
  }

  /**
   * The field already held the requested value; nothing was written and no audit row was needed.
   *
   * @param value the value the field holds
   */
  record Unchanged(CrmObject objectType, SalesforceId recordId, String field, Optional<String> value, String message)
      implements FieldUpdateResult {
    public Unchanged {
      Objects.requireNonNull(objectType, "objectType");
      Objects.requireNonNull(recordId, "recordId");
      Objects.requireNonNull(field, "field");
      Objects.requireNonNull(value, "value");
      Objects.requireNonNull(message, "message");
    }
  }

  /**
   * Nothing was changed: Salesforce refused the write (or it never reached Salesforce), and the audit
   * row written with it, if any, was rolled back with it.
   *
   * @param reason Salesforce's error (code and message), or why the request was not sent
   * @param failureAuditRecordId the separate audit row ({@code Failed__c = true}) recording the failed
   *     attempt, when one could be written; {@link #message()} says why not otherwise
   */
  record Failed(
      CrmObject objectType, SalesforceId recordId, String field, String reason,
      Optional<SalesforceId> failureAuditRecordId, String message) implements FieldUpdateResult {
    public Failed {
      Objects.requireNonNull(objectType, "objectType");
      Objects.requireNonNull(recordId, "recordId");
      Objects.requireNonNull(field, "field");
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(failureAuditRecordId, "failureAuditRecordId");
      Objects.requireNonNull(message, "message");
    }

    /** True when the failed attempt is recorded in the audit object. */
    public boolean failureRecorded() {
      return failureAuditRecordId.isPresent();
    }
  }

  /**
   * Salesforce's answer was lost (a timeout or broken connection after sending, a 5xx, or a response
   * that could not be read), and a re-check could not confirm the change. {@link #finding()} says what
   * the re-check established; {@link #message()} says it in words, including what to check before
   * trying again.
   *
   * @param currentValue the field's value as the re-check read it, when the re-read succeeded
   */
  record OutcomeUnknown(
      CrmObject objectType, SalesforceId recordId, String field, Finding finding,
      Optional<String> currentValue, String message) implements FieldUpdateResult {
    public OutcomeUnknown {
      Objects.requireNonNull(objectType, "objectType");
      Objects.requireNonNull(recordId, "recordId");
      Objects.requireNonNull(field, "field");
      Objects.requireNonNull(finding, "finding");
      Objects.requireNonNull(currentValue, "currentValue");
      Objects.requireNonNull(message, "message");
    }
  }

  /** What the re-check after a lost answer established. (A confirmed change is reported as {@link Applied}.) */
  enum Finding {
    /**
     * No audit row for this change exists and the field does not hold the new value: as of the
     * re-check the change was not applied (the audit row and the update commit together or not at all).
     */
    NOT_APPLIED,
    /** The re-check failed, or what it found does not settle the question; the message says what it saw. */
    UNDETERMINED
  }
}
