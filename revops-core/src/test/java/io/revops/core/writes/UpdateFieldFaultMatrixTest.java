package io.revops.core.writes;

import static org.assertj.core.api.Assertions.assertThat;

import io.revops.core.writes.FieldUpdateResult.Applied;
import io.revops.core.writes.FieldUpdateResult.Failed;
import io.revops.core.writes.FieldUpdateResult.Finding;
import io.revops.core.writes.FieldUpdateResult.OutcomeUnknown;
import java.net.ConnectException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every way the audited write can go wrong. After each test, the recorded requests are checked: no
 * update ever left without its audit row in the same all-or-none composite call, and never as a
 * standalone PATCH.
 */
class UpdateFieldFaultMatrixTest extends MockOrg {

  @AfterEach
  void noUpdateWasEverSentWithoutItsAuditRow() {
    assertNoUpdateWithoutItsAuditRow();
  }

  private FieldUpdateResult changeStage() {
    return writer.updateField("Opportunity", OPP, "StageName", "Negotiation", WHY, Optional.of("Ana Lopez"));
  }

  private void assertSafe(FieldUpdateResult result) {
    assertThat(result.toString()).doesNotContain(TOKEN);
    assertThat(composites()).hasSize(1);
  }

  // ------------------------------------------------------------- a subrequest of the composite fails

  @ParameterizedTest(name = "{0} step fails")
  @CsvSource(delimiter = '|', value = {
      "old    | INVALID_FIELD | No such column 'StageName' on entity 'Opportunity' | Salesforce could not read Opportunity "
          + OPP + " before writing (INVALID_FIELD: No such column",
      "audit  | INVALID_FIELD_FOR_INSERT_UPDATE | Invalid reference specified. No value for old.records[0].Id found"
          + " in old | Salesforce refused the audit row in Cleanup_Audit__c (INVALID_FIELD_FOR_INSERT_UPDATE: Invalid"
          + " reference specified",
      "update | FIELD_CUSTOM_VALIDATION_EXCEPTION | Set a close date before Negotiation | Salesforce refused the"
          + " update of Opportunity " + OPP + " StageName (FIELD_CUSTOM_VALIDATION_EXCEPTION: Set a close date"})
  void aFailedStepChangesNothingAndTheAttemptIsRecordedWhenFailedFieldExists(
      String step, String code, String error, String expected) {
    enqueueReadsBeforeWrite(auditDescribe(true, true), "StageName", "Proposal");
    enqueue(200, compositeFailure(step, code, error));
    enqueue(201, created(FAILURE_AUDIT_ID));

    FieldUpdateResult result = changeStage();

    assertThat(result).isInstanceOf(Failed.class);
    Failed failed = (Failed) result;
    assertThat(failed.reason()).isEqualTo(code + ": " + error);
    assertThat(failed.failureRecorded()).isTrue();
    assertThat(failed.failureAuditRecordId()).map(Object::toString).contains(FAILURE_AUDIT_ID);
    assertThat(failed.message()).startsWith(expected)
        .contains("Nothing was changed: the audit row and the update are committed together or not at all.")
        .endsWith("The failed attempt is recorded in Cleanup_Audit__c as " + FAILURE_AUDIT_ID + " (Failed__c = true).");
    if (step.equals("audit")) {
      assertThat(failed.message()).contains("the record was changed by someone else after it was read");
    }

    RecordedRequest failureRow = last();
    assertThat(failureRow.getMethod() + " " + failureRow.getUrl().encodedPath())
        .isEqualTo("POST " + API + "sobjects/Cleanup_Audit__c");
    assertThat(jsonBody(failureRow)).containsExactly(
        Map.entry("Object_Name__c", "Opportunity"),
        Map.entry("Record_Id__c", OPP),
        Map.entry("Field_Name__c", "StageName"),
        Map.entry("Old_Value__c", "Proposal"),
        Map.entry("New_Value__c", "Negotiation"),
        Map.entry("Justification__c", WHY),
        Map.entry("Performed_By__c", USERNAME + " on behalf of Ana Lopez"),
        Map.entry("Failed__c", true),
        Map.entry("Error__c", code + ": " + error));
    assertSafe(result);
  }

  @ParameterizedTest(name = "{0} step fails")
  @CsvSource({"old", "audit", "update"})
  void withoutFailedFieldTheResultSaysTheAttemptCouldNotBeRecorded(String step) {
    enqueueReadsBeforeWrite(auditDescribe(false, false), "StageName", "Proposal");
    enqueue(200, compositeFailure(step, "UNABLE_TO_LOCK_ROW", "unable to obtain exclusive access to this record"));

    FieldUpdateResult result = changeStage();

    Failed failed = (Failed) result;
    assertThat(failed.failureRecorded()).isFalse();
    assertThat(failed.message()).contains("UNABLE_TO_LOCK_ROW: unable to obtain exclusive access")
        .contains("Nothing was changed")
        .endsWith("The failed attempt could not be recorded: Cleanup_Audit__c has no Failed__c checkbox (an"
            + " administrator can add one, with Error__c as a long text area for the error, to keep a record of"
            + " failed attempts).");
    assertThat(recorded()).hasSize(5);
    assertSafe(result);
  }

  @Test
  void withFailedButNoErrorFieldTheFailureRowCarriesNoErrorText() {
    enqueueReadsBeforeWrite(auditDescribe(true, false), "StageName", "Proposal");
    enqueue(200, compositeFailure("update", "FIELD_CUSTOM_VALIDATION_EXCEPTION", "Nope"));
    enqueue(201, created(FAILURE_AUDIT_ID));

    Failed failed = (Failed) changeStage();

    assertThat(failed.failureRecorded()).isTrue();
    assertThat(jsonBody(last())).containsEntry("Failed__c", true).doesNotContainKey("Error__c");
  }

  @Test
  void whenRecordingTheFailureFailsTooTheResultSaysSo() {
    enqueueReadsBeforeWrite(auditDescribe(true, true), "StageName", "Proposal");
    enqueue(200, compositeFailure("update", "FIELD_CUSTOM_VALIDATION_EXCEPTION", "Nope"));
    enqueue(400, List.of(map("errorCode", "REQUIRED_FIELD_MISSING", "message", "Required fields are missing: [Owner__c]")));

    Failed failed = (Failed) changeStage();

    assertThat(failed.failureRecorded()).isFalse();
    assertThat(failed.message()).contains("refused the update")
        .contains("Recording the failed attempt in Cleanup_Audit__c failed too:")
        .contains("REQUIRED_FIELD_MISSING");
    assertSafe(failed);
  }

  // ------------------------------------------------------------------- the call as a whole fails

  @Test
  void aRefusedCompositeCallChangesNothingAndIsRecorded() {
    enqueueReadsBeforeWrite(auditDescribe(true, true), "StageName", "Proposal");
    enqueue(400, List.of(map("errorCode", "JSON_PARSER_ERROR", "message", "Unexpected character")));
    enqueue(201, created(FAILURE_AUDIT_ID));

    Failed failed = (Failed) changeStage();

    assertThat(failed.message()).startsWith("Salesforce refused the whole request: POST " + API + "composite failed:"
        + " Salesforce answered 400 JSON_PARSER_ERROR").contains("Nothing was changed.")
        .endsWith("recorded in Cleanup_Audit__c as " + FAILURE_AUDIT_ID + " (Failed__c = true).");
    assertSafe(failed);
  }

  @Test
  void aRequestThatNeverLeftIsReportedAsNotSentAndNotRecorded() {
    OkHttpClient refusingComposite = new OkHttpClient.Builder().addInterceptor(chain -> {
      if (chain.request().url().encodedPath().endsWith("/composite")) {
        throw new ConnectException("Connection refused (test)");
      }
      return chain.proceed(chain.request());
    }).build();
    client = clientBuilder().httpClient(refusingComposite).build();
    writer = writerWith(WritableFields.anyUpdateable());
    enqueueReadsBeforeWrite(auditDescribe(true, true), "StageName", "Proposal");

    Failed failed = (Failed) changeStage();

    assertThat(failed.failureRecorded()).isFalse();
    assertThat(failed.message()).startsWith("The request never reached Salesforce: POST " + API + "composite was not"
        + " sent").contains("Nothing was changed.").contains("It is safe to try again")
        .endsWith("There is no failed attempt to record, since nothing reached Salesforce.");
    assertThat(recorded()).hasSize(4);
    assertThat(failed.toString()).doesNotContain(TOKEN);
  }

  // ------------------------------------------------------------ the answer is lost: re-check paths

  @Test
  void a5xxLeadsToAReCheckThatFindsTheChangeNotApplied() {
    enqueueReadsBeforeWrite(auditDescribe(true, true), "StageName", "Proposal");
    enqueue(503, List.of(map("errorCode", "SERVER_UNAVAILABLE", "message", "Maintenance")));
    enqueue(200, opportunity("StageName", "Proposal"));
    enqueue(200, queryResult(List.of()));

    FieldUpdateResult result = changeStage();

    OutcomeUnknown unknown = (OutcomeUnknown) result;
    assertThat(unknown.finding()).isEqualTo(Finding.NOT_APPLIED);
    assertThat(unknown.currentValue()).contains("Proposal");
    assertThat(unknown.message()).isEqualTo("Salesforce answered 503 SERVER_UNAVAILABLE to the composite call,"
        + " which does not say whether it was processed. A re-check at 2026-05-04T10:00:00Z found no audit row for"
        + " this change, and StageName still holds 'Proposal': as of the re-check the change has not been applied"
        + " (the audit row and the update are committed together or not at all). If Salesforce was still"
        + " processing the lost request it could yet complete, so re-read the record before running the update"
        + " again.");
    assertReCheckRequests();
    assertSafe(result);
  }

  @Test
  void aTimeoutAfterSendingLeadsToAReCheckThatConfirmsTheAuditedChange() {
    client = clientBuilder().readTimeout(Duration.ofMillis(300)).build();
    writer = writerWith(WritableFields.anyUpdateable());
    enqueueReadsBeforeWrite(auditDescribe(true, true), "StageName", "Proposal");
    server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
    enqueue(200, opportunity("StageName", "Negotiation"));
    enqueue(200, queryResult(List.of(
        auditRowFound("Proposal", "an older change", USERNAME),
        auditRowFound("Negotiation", WHY, USERNAME + " on behalf of Ana Lopez"))));

    FieldUpdateResult result = changeStage();

    Applied applied = (Applied) result;
    assertThat(applied.auditRecordId().to18()).isEqualTo(AUDIT_ID);
    assertThat(applied.oldValue()).contains("Proposal");
    assertThat(applied.message()).startsWith("The connection failed or timed out after the request was sent (")
        .contains("so Salesforce's answer was lost. A re-check at 2026-05-04T10:00:00Z found audit row " + AUDIT_ID
            + " for this change, which Salesforce commits only together with the update, and StageName holds the"
            + " new value: Opportunity " + OPP + " StageName was changed from 'Proposal' to 'Negotiation'.");
    assertReCheckRequests();
    assertSafe(result);
  }

  @Test
  void aConnectionBrokenAfterSendingWithAFailingReCheckIsReportedAsUndetermined() {
    enqueueReadsBeforeWrite(auditDescribe(true, true), "StageName", "Proposal");
    server.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
    enqueue(500, List.of(map("errorCode", "UNKNOWN_EXCEPTION", "message", "An unexpected error occurred")));
    enqueue(500, List.of(map("errorCode", "UNKNOWN_EXCEPTION", "message", "An unexpected error occurred")));

    FieldUpdateResult result = changeStage();

    OutcomeUnknown unknown = (OutcomeUnknown) result;
    assertThat(unknown.finding()).isEqualTo(Finding.UNDETERMINED);
    assertThat(unknown.currentValue()).isEmpty();
    assertThat(unknown.message()).startsWith("The connection failed or timed out after the request was sent")
        .contains("could not search Cleanup_Audit__c (")
        .contains("so whether the change was applied is unknown. Before running the update again, look at"
            + " Opportunity " + OPP + " StageName and at the recent Cleanup_Audit__c rows for it.");
    assertSafe(result);
  }

  @Test
  void anUnreadableAnswerLeadsToAReCheck() {
    enqueueReadsBeforeWrite(auditDescribe(true, true), "StageName", "Proposal");
    enqueue(200, "<html>Service temporarily unavailable</html>");
    enqueue(200, opportunity("StageName", "Proposal"));
    enqueue(200, queryResult(List.of()));

    OutcomeUnknown unknown = (OutcomeUnknown) changeStage();

    assertThat(unknown.finding()).isEqualTo(Finding.NOT_APPLIED);
    assertThat(unknown.message()).startsWith("Salesforce's answer to the composite call could not be read (")
        .contains("found no audit row for this change, and StageName still holds 'Proposal'");
    assertReCheckRequests();
  }

  @Test
  void anAnswerMissingStepsLeadsToAReCheckThatReportsWhatItSaw() {
    enqueueReadsBeforeWrite(auditDescribe(true, true), "StageName", "Proposal");
    enqueue(200, map("compositeResponse", List.of(sub("old", 200, queryResult(List.of())))));
    enqueue(200, opportunity("StageName", "Negotiation"));
    enqueue(200, queryResult(List.of()));

    OutcomeUnknown unknown = (OutcomeUnknown) changeStage();

    assertThat(unknown.finding()).isEqualTo(Finding.UNDETERMINED);
    assertThat(unknown.currentValue()).contains("Negotiation");
    assertThat(unknown.message()).startsWith("Salesforce's answer to the composite call did not report every step"
        + " (missing: audit, update). A re-check at 2026-05-04T10:00:00Z found StageName holding the new value"
        + " 'Negotiation' but no audit row for this change");
    assertReCheckRequests();
  }

  @Test
  void aSuccessWithoutTheAuditRowIdIsConfirmedByReCheckRatherThanTrusted() {
    enqueueReadsBeforeWrite(auditDescribe(true, true), "StageName", "Proposal");
    enqueue(200, map("compositeResponse", List.of(
        sub("old", 200, queryResult(List.of(opportunity("StageName", "Proposal")))),
        sub("audit", 201, map("success", true)),
        sub("update", 204, null))));
    enqueue(200, opportunity("StageName", "Negotiation"));
    enqueue(200, queryResult(List.of(auditRowFound("Negotiation", WHY, USERNAME + " on behalf of Ana Lopez"))));

    Applied applied = (Applied) changeStage();

    assertThat(applied.message()).startsWith("Salesforce reported success but returned no id for the audit row."
        + " A re-check");
  }

  @Test
  void aReCheckFindingTheAuditRowButAnotherValueSaysTheFieldChangedSince() {
    enqueueReadsBeforeWrite(auditDescribe(true, true), "StageName", "Proposal");
    enqueue(502, "Bad gateway");
    enqueue(200, opportunity("StageName", "Prospecting"));
    enqueue(200, queryResult(List.of(auditRowFound("Negotiation", WHY, USERNAME + " on behalf of Ana Lopez"))));

    OutcomeUnknown unknown = (OutcomeUnknown) changeStage();

    assertThat(unknown.finding()).isEqualTo(Finding.UNDETERMINED);
    assertThat(unknown.currentValue()).contains("Prospecting");
    assertThat(unknown.message()).startsWith("Salesforce answered 502 to the composite call, which does not say"
        + " whether it was processed. A re-check at 2026-05-04T10:00:00Z found audit row " + AUDIT_ID + " for this"
        + " change, which Salesforce commits only together with the update, but StageName holds 'Prospecting', not"
        + " the new value: it may have been changed again since.");
  }

  @Test
  void aMixedAnswerToAnAllOrNoneCallIsNotTakenAtItsWord() {
    enqueueReadsBeforeWrite(auditDescribe(true, true), "StageName", "Proposal");
    enqueue(200, map("compositeResponse", List.of(
        sub("old", 200, queryResult(List.of(opportunity("StageName", "Proposal")))),
        sub("audit", 201, created(AUDIT_ID)),
        sub("update", 400, List.of(map("errorCode", "FIELD_CUSTOM_VALIDATION_EXCEPTION", "message", "Nope"))))));
    enqueue(200, opportunity("StageName", "Proposal"));
    enqueue(200, queryResult(List.of(auditRowFound("Negotiation", WHY, USERNAME + " on behalf of Ana Lopez"))));

    OutcomeUnknown unknown = (OutcomeUnknown) changeStage();

    assertThat(unknown.finding()).isEqualTo(Finding.UNDETERMINED);
    assertThat(unknown.message()).startsWith("Salesforce's answer to the composite call reported some steps as done"
        + " and others as failed, which an all-or-none call cannot do.");
    assertReCheckRequests();
  }

  @Test
  void aStepWithoutAStatusIsNotMistakenForAFailure() {
    enqueueReadsBeforeWrite(auditDescribe(true, true), "StageName", "Proposal");
    enqueue(200, map("compositeResponse", List.of(map("referenceId", "old"), map("referenceId", "audit"),
        map("referenceId", "update"))));
    enqueue(200, opportunity("StageName", "Proposal"));
    enqueue(200, queryResult(List.of()));

    OutcomeUnknown unknown = (OutcomeUnknown) changeStage();

    assertThat(unknown.finding()).isEqualTo(Finding.NOT_APPLIED);
    assertThat(unknown.message()).startsWith("Salesforce's answer to the composite call reported a step without a"
        + " status.");
    assertThat(recorded()).hasSize(7).noneMatch(r -> body(r).contains("Failed__c"));
  }

  /** The re-check reads the field, then searches the audit object for this change's row. */
  private void assertReCheckRequests() {
    List<RecordedRequest> all = recorded();
    RecordedRequest reread = all.get(all.size() - 2);
    assertThat(reread.getMethod() + " " + reread.getUrl().encodedPath())
        .isEqualTo("GET " + API + "sobjects/Opportunity/" + OPP);
    assertThat(reread.getUrl().queryParameter("fields")).isEqualTo("StageName");
    RecordedRequest search = all.get(all.size() - 1);
    assertThat(search.getUrl().encodedPath()).isEqualTo(API + "query");
    assertThat(search.getUrl().queryParameter("q")).isEqualTo("SELECT Id, New_Value__c, Justification__c,"
        + " Performed_By__c FROM Cleanup_Audit__c WHERE Record_Id__c = '" + OPP + "' AND Field_Name__c ="
        + " 'StageName' AND CreatedDate >= 2026-05-04T09:55:00Z AND Failed__c = false ORDER BY CreatedDate DESC"
        + " LIMIT 50");
  }
}
