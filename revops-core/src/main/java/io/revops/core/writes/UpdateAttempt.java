package io.revops.core.writes;

import io.revops.core.CrmObject;
import io.revops.core.salesforce.SoqlLiterals;
import io.revops.core.writes.FieldUpdateResult.Applied;
import io.revops.core.writes.FieldUpdateResult.Failed;
import io.revops.core.writes.FieldUpdateResult.Finding;
import io.revops.core.writes.FieldUpdateResult.OutcomeUnknown;
import io.revops.salesforce.CompositeRequest;
import io.revops.salesforce.CompositeResponse;
import io.revops.salesforce.CompositeSubrequest;
import io.revops.salesforce.CompositeSubresponse;
import io.revops.salesforce.FieldDescribe;
import io.revops.salesforce.QueryPage;
import io.revops.salesforce.SObjectRecord;
import io.revops.salesforce.SalesforceApiException;
import io.revops.salesforce.SalesforceClient;
import io.revops.salesforce.SalesforceId;
import io.revops.salesforce.soql.SoqlGuard;
import io.revops.salesforce.soql.SoqlRejectedException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One audited field change: the all-or-none composite call (read the record, insert the audit row,
 * update the field), the reading of its answer, the separate audit row for a refused attempt, and the
 * re-check when the answer was lost.
 */
final class UpdateAttempt {
  static final String READ = "old";
  static final String AUDIT = "audit";
  static final String UPDATE = "update";
  /** The audit row's record id comes from the read step, so the audit insert fails if the read matched nothing. */
  static final String RECORD_ID_REFERENCE = "@{" + READ + ".records[0].Id}";
  /** How far before the attempt the re-check looks for its audit row, to allow for clock skew. */
  static final Duration RECHECK_MARGIN = Duration.ofMinutes(5);

  /**
   * The change to make, fully checked.
   *
   * @param value the checked new value
   * @param oldValue the value read just before writing, as audit text
   * @param readStamp the record's {@code SystemModstamp} as read with {@code oldValue}
   */
  record Change(
      CrmObject object, SalesforceId id, FieldDescribe field, FieldValues.Converted value,
      Optional<String> oldValue, String justification, String performedBy, Optional<Instant> readStamp) {

    String where() {
      return object.apiName() + " " + id + " " + field.name();
    }
  }

  private final SalesforceClient client;
  private final SoqlGuard guard;
  private final AuditSchema audit;
  private final Clock clock;
  private final Change change;

  UpdateAttempt(SalesforceClient client, SoqlGuard guard, AuditSchema audit, Clock clock, Change change) {
    this.client = client;
    this.guard = guard;
    this.audit = audit;
    this.clock = clock;
    this.change = change;
  }

  /**
   * The composite call. The read step matches the record only while its {@code SystemModstamp} is no
   * later than the second in which the old value was read; if someone changed the record in between, the
   * audit insert's reference to the read finds nothing and the whole call rolls back, so the audit row
   * never records a stale old value.
   */
  static CompositeRequest composite(
      SoqlGuard guard, String objectName, SalesforceId id, String field, Object jsonValue, String auditObject,
      Map<String, Object> auditRow, Optional<Instant> readStamp) {
    String soql = "SELECT Id, " + field + " FROM " + objectName + " WHERE Id = " + SoqlLiterals.id(id)
        + readStamp.map(s -> " AND SystemModstamp < "
            + SoqlLiterals.dateTime(s.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1))).orElse("")
        + " LIMIT 1";
    return CompositeRequest.builder().allOrNone(true)
        .add(CompositeSubrequest.query(READ, guard.check(soql)))
        .add(CompositeSubrequest.create(AUDIT, auditObject, auditRow))
        .add(CompositeSubrequest.update(UPDATE, objectName, id, Collections.singletonMap(field, jsonValue)))
        .build();
  }

  /** The audit row's fields, in the order an administrator reads them. */
  static Map<String, Object> auditRow(
      String objectName, String recordIdOrReference, String field, String oldValue, String newValue,
      String justification, String performedBy) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put(AuditSchema.OBJECT_NAME, objectName);
    row.put(AuditSchema.RECORD_ID, recordIdOrReference);
    row.put(AuditSchema.FIELD_NAME, field);
    row.put(AuditSchema.OLD_VALUE, oldValue);
    row.put(AuditSchema.NEW_VALUE, newValue);
    row.put(AuditSchema.JUSTIFICATION, justification);
    row.put(AuditSchema.PERFORMED_BY, performedBy);
    return row;
  }

  FieldUpdateResult run() {
    Map<String, Object> row = auditRow(change.object().apiName(), RECORD_ID_REFERENCE, change.field().name(),
        fit(Composite.literal(change.oldValue().orElse("")), audit.maxLength(AuditSchema.OLD_VALUE)),
        newText(), change.justification(), Composite.literal(change.performedBy()));
    CompositeRequest request = composite(guard, change.object().apiName(), change.id(), change.field().name(),
        change.value().jsonOrNull(), audit.objectName(), row, change.readStamp());
    Instant sentAt = clock.instant();
    Composite.Outcome outcome = Composite.send(client, request);
    if (outcome instanceof Composite.Answered answered) {
      return answered(answered.response(), sentAt);
    }
    if (outcome instanceof Composite.Refused refused) {
      return failed(refused.reason(), "Salesforce refused the whole request: " + refused.reason()
          + " Nothing was changed.", true);
    }
    if (outcome instanceof Composite.NotSent notSent) {
      return failed(notSent.reason(), "The request never reached Salesforce: " + notSent.reason()
          + " Nothing was changed.", false);
    }
    return recheck(((Composite.Lost) outcome).what(), sentAt);
  }

  private FieldUpdateResult answered(CompositeResponse response, Instant sentAt) {
    if (response.allSucceeded()) {
      Optional<SalesforceId> auditId = createdId(response.result(AUDIT).orElseThrow());
      if (auditId.isEmpty()) {
        return recheck("Salesforce reported success but returned no id for the audit row", sentAt);
      }
      return new Applied(change.object(), change.id(), change.field().name(), change.oldValue(),
          change.value().text(), auditId.get(), "Changed " + change.where() + " from " + shown(change.oldValue())
              + " to " + shown(change.value().text()) + ". Audit row " + auditId.get() + " in " + audit.objectName()
              + " records the change.");
    }
    CompositeSubresponse cause = Composite.rootCause(response).orElseThrow();
    String reason = Composite.errorText(cause);
    return failed(reason, stepFailure(cause.referenceId(), reason), true);
  }

  private String stepFailure(String step, String reason) {
    String rolledBack = " Nothing was changed: the audit row and the update are committed together or not at all.";
    return switch (step) {
      case READ -> "Salesforce could not read " + change.object().apiName() + " " + change.id()
          + " before writing (" + reason + ")." + rolledBack;
      case AUDIT -> "Salesforce refused the audit row in " + audit.objectName() + " (" + reason + "), so the update"
          + " was not made." + rolledBack + " If the error says a reference to " + READ + ".records[0] could not be"
          + " resolved, the record was changed by someone else after it was read: run the update again to see"
          + " its current value. Otherwise check the audit object's fields and the API user's access to them.";
      default -> "Salesforce refused the update of " + change.where() + " (" + reason + ")." + rolledBack;
    };
  }

  /** A refused attempt: records it in the audit object when possible, and says so. */
  private Failed failed(String reason, String what, boolean reachedSalesforce) {
    Optional<SalesforceId> recorded = Optional.empty();
    String record;
    if (!reachedSalesforce) {
      record = " There is no failed attempt to record, since nothing reached Salesforce.";
    } else if (!audit.recordsFailures()) {
      record = " The failed attempt could not be recorded: " + audit.objectName() + " has no " + AuditSchema.FAILED
          + " checkbox (an administrator can add one, with " + AuditSchema.ERROR + " as a long text area for the"
          + " error, to keep a record of failed attempts).";
    } else {
      try {
        recorded = Optional.of(client.create(audit.objectName(), failureRow(reason)));
        record = " The failed attempt is recorded in " + audit.objectName() + " as " + recorded.get() + " ("
            + AuditSchema.FAILED + " = true).";
      } catch (SalesforceApiException | IllegalArgumentException e) {
        record = " Recording the failed attempt in " + audit.objectName() + " failed too: " + e.getMessage();
      }
    }
    return new Failed(change.object(), change.id(), change.field().name(), reason, recorded, what + record);
  }

  private Map<String, Object> failureRow(String reason) {
    Map<String, Object> row = auditRow(change.object().apiName(), change.id().to18(), change.field().name(),
        fit(change.oldValue().orElse(""), audit.maxLength(AuditSchema.OLD_VALUE)), newText(), change.justification(),
        change.performedBy());
    row.put(AuditSchema.FAILED, true);
    if (audit.recordsErrors()) {
      row.put(AuditSchema.ERROR, fit(reason, audit.maxLength(AuditSchema.ERROR)));
    }
    return row;
  }

  /** The answer was lost: re-read the field and look for this change's audit row, and report what is known. */
  private FieldUpdateResult recheck(String what, Instant sentAt) {
    String field = change.field().name();
    boolean reread = false;
    Object current = null;
    String currentProblem = "";
    try {
      current = client.retrieve(change.object().apiName(), change.id(), List.of(field)).get(field).orElse(null);
      reread = true;
    } catch (SalesforceApiException e) {
      currentProblem = e.getMessage();
    }
    Optional<SalesforceId> auditRow = Optional.empty();
    String auditProblem = "";
    try {
      auditRow = findAuditRow(sentAt);
    } catch (SalesforceApiException | SoqlRejectedException e) {
      auditProblem = e.getMessage();
    }
    Instant checkedAt = clock.instant();
    Optional<String> currentText = reread ? FieldValues.display(current) : Optional.empty();
    boolean holdsNew = reread && FieldValues.sameValue(change.field(), current, change.value());
    String lead = what + ". A re-check at " + checkedAt.truncatedTo(ChronoUnit.SECONDS) + " ";
    String check = " Before running the update again, look at " + change.where() + " and at the recent "
        + audit.objectName() + " rows for it.";
    if (auditRow.isPresent() && holdsNew) {
      return new Applied(change.object(), change.id(), field, change.oldValue(), change.value().text(),
          auditRow.get(), lead + "found audit row " + auditRow.get() + " for this change, which Salesforce commits"
              + " only together with the update, and " + field + " holds the new value: " + change.where()
              + " was changed from " + shown(change.oldValue()) + " to " + shown(change.value().text()) + ".");
    }
    if (auditRow.isPresent()) {
      String seen = reread ? field + " holds " + shown(currentText) + ", not the new value"
          : field + " could not be re-read (" + currentProblem + ")";
      return unknown(Finding.UNDETERMINED, currentText, lead + "found audit row " + auditRow.get() + " for this"
          + " change, which Salesforce commits only together with the update, but " + seen + ": it may have been"
          + " changed again since. Whether this change is still in place is not settled." + check);
    }
    if (!auditProblem.isEmpty()) {
      return unknown(Finding.UNDETERMINED, currentText, lead + "could not search " + audit.objectName() + " ("
          + auditProblem + ")" + (reread ? "; " + field + " holds " + shown(currentText) : "")
          + ", so whether the change was applied is unknown." + check);
    }
    if (!reread) {
      return unknown(Finding.UNDETERMINED, currentText, lead + "found no audit row for this change but could not"
          + " re-read " + field + " (" + currentProblem + "), so whether the change was applied is unknown." + check);
    }
    if (holdsNew) {
      return unknown(Finding.UNDETERMINED, currentText, lead + "found " + field + " holding the new value "
          + shown(currentText) + " but no audit row for this change: someone else may have set the same value,"
          + " or Salesforce was still processing the request. Whether this change was applied is unknown." + check);
    }
    return unknown(Finding.NOT_APPLIED, currentText, lead + "found no audit row for this change, and " + field
        + " still holds " + shown(currentText) + ": as of the re-check the change has not been applied (the audit"
        + " row and the update are committed together or not at all). If Salesforce was still processing the lost"
        + " request it could yet complete, so re-read the record before running the update again.");
  }

  private OutcomeUnknown unknown(Finding finding, Optional<String> currentValue, String message) {
    return new OutcomeUnknown(change.object(), change.id(), change.field().name(), finding, currentValue, message);
  }

  /**
   * This change's audit row: same record and field, created since shortly before the attempt, with the
   * same new value, justification and performer (long text fields cannot be filtered in SOQL, so those
   * are compared here).
   */
  private Optional<SalesforceId> findAuditRow(Instant sentAt) {
    String soql = "SELECT Id, " + AuditSchema.NEW_VALUE + ", " + AuditSchema.JUSTIFICATION + ", "
        + AuditSchema.PERFORMED_BY + " FROM " + audit.objectName()
        + " WHERE " + AuditSchema.RECORD_ID + " = " + SoqlLiterals.id(change.id())
        + " AND " + AuditSchema.FIELD_NAME + " = " + SoqlLiterals.string(change.field().name())
        + " AND CreatedDate >= " + SoqlLiterals.dateTime(sentAt.minus(RECHECK_MARGIN))
        + (audit.recordsFailures() ? " AND " + AuditSchema.FAILED + " = false" : "")
        + " ORDER BY CreatedDate DESC LIMIT 50";
    QueryPage page = client.query(guard.check(soql));
    String performer = Composite.literal(change.performedBy());
    return page.records().stream()
        .filter(r -> sameText(r, AuditSchema.NEW_VALUE, newText()))
        .filter(r -> sameText(r, AuditSchema.JUSTIFICATION, change.justification()))
        .filter(r -> sameText(r, AuditSchema.PERFORMED_BY, performer))
        .map(SObjectRecord::id).flatMap(Optional::stream).findFirst();
  }

  private static boolean sameText(SObjectRecord row, String field, String expected) {
    String actual = row.get(field).map(Object::toString).orElse("");
    return normalized(actual).equals(normalized(expected));
  }

  private static String normalized(String text) {
    return text.replace("\r\n", "\n").strip();
  }

  private String newText() {
    return change.value().text().orElse("");
  }

  private static Optional<SalesforceId> createdId(CompositeSubresponse result) {
    try {
      return result.createdId();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  static String shown(Optional<String> value) {
    return value.map(v -> "'" + v + "'").orElse("blank");
  }

  /** At most {@code max} characters (0: no limit), marking a cut. */
  static String fit(String text, int max) {
    if (max <= 0 || text.length() <= max) {
      return text;
    }
    String mark = " …[cut; " + text.length() + " characters in all]";
    return NoteContent.cut(text, Math.max(0, max - mark.length())) + mark;
  }
}
