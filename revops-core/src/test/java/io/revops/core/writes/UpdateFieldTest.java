package io.revops.core.writes;

import static org.assertj.core.api.Assertions.assertThat;

import io.revops.core.writes.FieldUpdateResult.Applied;
import io.revops.core.writes.FieldUpdateResult.Unchanged;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class UpdateFieldTest extends MockOrg {

  @AfterEach
  void everyUpdateWasAudited() {
    assertNoUpdateWithoutItsAuditRow();
  }

  @Test
  void readsThenWritesAuditRowAndUpdateInOneAllOrNoneComposite() {
    enqueueReadsBeforeWrite(auditDescribe(true, true), "StageName", "Proposal");
    enqueue(200, compositeSuccess("StageName", "Proposal"));

    FieldUpdateResult result = writer.updateField("Opportunity", OPP, "StageName", "Negotiation", WHY,
        Optional.empty());

    assertThat(result).isInstanceOf(Applied.class);
    Applied applied = (Applied) result;
    assertThat(applied.oldValue()).contains("Proposal");
    assertThat(applied.newValue()).contains("Negotiation");
    assertThat(applied.auditRecordId().to18()).isEqualTo(AUDIT_ID);
    assertThat(applied.message()).isEqualTo("Changed Opportunity " + OPP + " StageName from 'Proposal' to"
        + " 'Negotiation'. Audit row " + AUDIT_ID + " in Cleanup_Audit__c records the change.");

    List<RecordedRequest> sent = recorded();
    assertThat(sent).extracting(r -> r.getMethod() + " " + r.getUrl().encodedPath()).containsExactly(
        "GET " + API + "sobjects/Cleanup_Audit__c/describe",
        "GET " + API + "sobjects/Opportunity/describe",
        "GET /services/oauth2/userinfo",
        "GET " + API + "sobjects/Opportunity/" + OPP,
        "POST " + API + "composite");
    assertThat(sent.get(3).getUrl().queryParameter("fields")).isEqualTo("StageName,SystemModstamp");

    RecordedRequest composite = sent.get(4);
    assertThat(composite.getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN);
    assertThat(jsonBody(composite).get("allOrNone")).isEqualTo(true);
    List<Map<String, Object>> subs = subrequests(composite);
    assertThat(subs).extracting(s -> s.get("referenceId") + " " + s.get("method"))
        .containsExactly("old GET", "audit POST", "update PATCH");
    assertThat(decodedQuery((String) subs.get(0).get("url"))).isEqualTo("SELECT Id, StageName FROM Opportunity"
        + " WHERE Id = '" + OPP + "' AND SystemModstamp < 2026-05-04T09:58:01Z LIMIT 1");
    assertThat(subs.get(1).get("url")).isEqualTo(API + "sobjects/Cleanup_Audit__c");
    assertThat(subBody(subs.get(1))).containsExactly(
        Map.entry("Object_Name__c", "Opportunity"),
        Map.entry("Record_Id__c", "@{old.records[0].Id}"),
        Map.entry("Field_Name__c", "StageName"),
        Map.entry("Old_Value__c", "Proposal"),
        Map.entry("New_Value__c", "Negotiation"),
        Map.entry("Justification__c", WHY),
        Map.entry("Performed_By__c", USERNAME));
    assertThat(subs.get(2).get("url")).isEqualTo(API + "sobjects/Opportunity/" + OPP);
    assertThat(subBody(subs.get(2))).containsExactly(Map.entry("StageName", "Negotiation"));
    assertThat(subs).allSatisfy(s -> assertThat(s).doesNotContainKey("httpHeaders"));
    assertThat(result.toString()).doesNotContain(TOKEN);
  }

  @Test
  void laterUpdatesReuseTheAuditCheckDescribeAndUsername() {
    enqueueReadsBeforeWrite(auditDescribe(true, true), "StageName", "Proposal");
    enqueue(200, compositeSuccess("StageName", "Proposal"));
    writer.updateField("Opportunity", OPP, "StageName", "Negotiation", WHY, Optional.empty());
    enqueue(200, opportunity("NextStep", null));
    enqueue(200, compositeSuccess("NextStep", null));

    FieldUpdateResult second = writer.updateField("Opportunity", OPP, "NextStep", "Send pricing", WHY,
        Optional.empty());

    assertThat(second).isInstanceOf(Applied.class);
    assertThat(((Applied) second).oldValue()).isEmpty();
    assertThat(second.message()).contains("from blank to 'Send pricing'");
    assertThat(recorded()).hasSize(7);
    assertThat(recorded().subList(5, 7)).extracting(r -> r.getMethod() + " " + r.getUrl().encodedPath())
        .containsExactly("GET " + API + "sobjects/Opportunity/" + OPP, "POST " + API + "composite");
  }

  @Test
  void numbersBooleansDatesAndDateTimesAreSentAsTheirJsonTypes() {
    enqueueReadsBeforeWrite(auditDescribe(true, true), "Amount", 1000);
    enqueue(200, compositeSuccess("Amount", 1000));
    writer.updateField("Opportunity", OPP, "Amount", " 125000.50 ", WHY, Optional.empty());
    assertThat(body(last())).contains("\"Amount\":125000.50}").contains("\"New_Value__c\":\"125000.50\"")
        .contains("\"Old_Value__c\":\"1000\"");

    enqueue(200, opportunity("IsPrivate", false));
    enqueue(200, compositeSuccess("IsPrivate", false));
    writer.updateField("Opportunity", OPP, "IsPrivate", "TRUE", WHY, Optional.empty());
    assertThat(body(last())).contains("\"IsPrivate\":true}").contains("\"Old_Value__c\":\"false\"");

    enqueue(200, opportunity("CloseDate", "2026-05-31"));
    enqueue(200, compositeSuccess("CloseDate", "2026-05-31"));
    writer.updateField("Opportunity", OPP, "CloseDate", "2026-06-30", WHY, Optional.empty());
    assertThat(body(last())).contains("\"CloseDate\":\"2026-06-30\"}");

    enqueue(200, opportunity("Review_At__c", null));
    enqueue(200, compositeSuccess("Review_At__c", null));
    writer.updateField("Opportunity", OPP, "Review_At__c", "2026-06-30T17:00:00+02:00", WHY, Optional.empty());
    assertThat(body(last())).contains("\"Review_At__c\":\"2026-06-30T15:00:00.000Z\"}")
        .contains("\"New_Value__c\":\"2026-06-30T15:00:00Z\"");

    enqueue(200, opportunity("Probability", 10));
    enqueue(200, compositeSuccess("Probability", 10));
    writer.updateField("Opportunity", OPP, "Probability", "25%", WHY, Optional.empty());
    assertThat(body(last())).contains("\"Probability\":25}");

    enqueue(200, opportunity("Products__c", "Core"));
    enqueue(200, compositeSuccess("Products__c", "Core"));
    writer.updateField("Opportunity", OPP, "Products__c", "Core; Analytics", WHY, Optional.empty());
    assertThat(body(last())).contains("\"Products__c\":\"Core;Analytics\"}");

    enqueue(200, opportunity("OwnerId", "005000000000009AAA"));
    enqueue(200, compositeSuccess("OwnerId", "005000000000009AAA"));
    writer.updateField("Opportunity", OPP, "OwnerId", USER.substring(0, 15), WHY, Optional.empty());
    assertThat(body(last())).contains("\"OwnerId\":\"" + USER + "\"}");
  }

  @Test
  void anEmptyValueClearsANillableFieldWithJsonNull() {
    enqueueReadsBeforeWrite(auditDescribe(true, true), "NextStep", "Call CFO");
    enqueue(200, compositeSuccess("NextStep", "Call CFO"));

    FieldUpdateResult result = writer.updateField("Opportunity", OPP, "NextStep", "", WHY, Optional.empty());

    assertThat(result).isInstanceOf(Applied.class);
    assertThat(((Applied) result).newValue()).isEmpty();
    assertThat(result.message()).contains("from 'Call CFO' to blank");
    Map<String, Object> update = subrequests(last()).get(2);
    assertThat(subBody(update)).containsEntry("NextStep", null);
    assertThat(subBody(subrequests(last()).get(1))).containsEntry("New_Value__c", "");
  }

  @Test
  void aFieldThatAlreadyHoldsTheValueIsLeftAloneWithoutAnAuditRow() {
    enqueueReadsBeforeWrite(auditDescribe(true, true), "Amount", 125000);

    FieldUpdateResult result = writer.updateField("Opportunity", OPP, "Amount", "125000.00", WHY, Optional.empty());

    assertThat(result).isInstanceOf(Unchanged.class);
    assertThat(((Unchanged) result).value()).contains("125000");
    assertThat(result.message()).contains("already holds '125000'; nothing was written");
    assertThat(composites()).isEmpty();
    assertThat(recorded()).hasSize(4);
  }

  @Test
  void performedByNamesTheApiUserAndThePersonActingThroughIt() {
    enqueueReadsBeforeWrite(auditDescribe(true, true), "StageName", "Proposal");
    enqueue(200, compositeSuccess("StageName", "Proposal"));

    writer.updateField("Opportunity", OPP, "StageName", "Negotiation", WHY, Optional.of(" Ana Lopez "));

    assertThat(subBody(subrequests(last()).get(1)))
        .containsEntry("Performed_By__c", USERNAME + " on behalf of Ana Lopez");
  }

  @Test
  void theFieldNameIsWrittenAsTheOrgSpellsIt() {
    enqueueReadsBeforeWrite(auditDescribe(true, true), "StageName", "Proposal");
    enqueue(200, compositeSuccess("StageName", "Proposal"));

    FieldUpdateResult result = writer.updateField("opportunity", OPP, "stagename", "Negotiation", WHY,
        Optional.empty());

    assertThat(result.field()).isEqualTo("StageName");
    assertThat(recorded().get(3).getUrl().queryParameter("fields")).isEqualTo("StageName,SystemModstamp");
    assertThat(subBody(subrequests(last()).get(1))).containsEntry("Field_Name__c", "StageName");
    assertThat(subBody(subrequests(last()).get(2))).containsOnlyKeys("StageName");
  }

  @Test
  void anOldValueThatLooksLikeACompositeReferenceIsRecordedInert() {
    enqueueReadsBeforeWrite(auditDescribe(true, true), "NextStep", "Ask @{old.records[0].Id}");
    enqueue(200, compositeSuccess("NextStep", "x"));

    writer.updateField("Opportunity", OPP, "NextStep", "Send pricing", WHY, Optional.empty());

    assertThat(subBody(subrequests(last()).get(1))).containsEntry("Old_Value__c", "Ask @ {old.records[0].Id}");
  }

  @Test
  void aVeryLongOldValueIsCutToTheAuditFieldWithAMark() {
    Map<String, Object> audit = auditDescribe(true, true);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> fields = (List<Map<String, Object>>) audit.get("fields");
    fields.stream().filter(f -> f.get("name").equals("Old_Value__c")).forEach(f -> f.put("length", 100));
    enqueueReadsBeforeWrite(audit, "Description", "x".repeat(500));
    enqueue(200, compositeSuccess("Description", "x"));

    writer.updateField("Opportunity", OPP, "Description", "Short now", WHY, Optional.empty());

    String old = (String) subBody(subrequests(last()).get(1)).get("Old_Value__c");
    assertThat(old).hasSize(100).startsWith("xxxx").endsWith(" …[cut; 500 characters in all]");
  }
}
