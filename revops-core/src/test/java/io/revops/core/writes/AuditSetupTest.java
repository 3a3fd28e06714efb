package io.revops.core.writes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The audit object is checked on first use; without it (or its fields) nothing is written. */
class AuditSetupTest extends MockOrg {

  @AfterEach
  void everyUpdateWasAudited() {
    assertNoUpdateWithoutItsAuditRow();
  }

  private AuditSetupException refused() {
    return catchThrowableOfType(AuditSetupException.class,
        () -> writer.updateField("Opportunity", OPP, "StageName", "Negotiation", WHY, Optional.empty()));
  }

  @Test
  void aMissingAuditObjectIsNamedWithHowToCreateIt() {
    enqueue(404, List.of(map("errorCode", "NOT_FOUND", "message", "The requested resource does not exist")));

    AuditSetupException e = refused();

    assertThat(e.auditObject()).isEqualTo(AUDIT);
    assertThat(e.problems()).containsExactly("Cleanup_Audit__c does not exist");
    assertThat(e).hasMessage("The audit object Cleanup_Audit__c does not exist in this org, or the API user cannot"
        + " see it, so no field was changed. Every field change must be recorded there first. An administrator can"
        + " fix this in Setup > Object Manager: the custom object Cleanup_Audit__c needs the fields Object_Name__c"
        + " Text(80), Record_Id__c Text(18), Field_Name__c Text(80), Old_Value__c Long Text Area(131072),"
        + " New_Value__c Long Text Area(131072), Justification__c Long Text Area(32768), Performed_By__c Text(255),"
        + " with read and create access for the API user. Optional, to keep a record of failed attempts: Failed__c"
        + " Checkbox, default unchecked and Error__c Long Text Area(32768). Or point the server at the org's"
        + " existing audit object (SFDC_AUDIT_OBJECT).");
    assertThat(recorded()).hasSize(1);
  }

  @Test
  void missingFieldsAreEachNamed() {
    enqueue(200, auditDescribeWithout("Old_Value__c", "Performed_By__c"));

    AuditSetupException e = refused();

    assertThat(e.problems()).containsExactly(
        "Old_Value__c is missing (or hidden from the API user by field-level security)",
        "Performed_By__c is missing (or hidden from the API user by field-level security)");
    assertThat(e.getMessage()).startsWith("The audit object Cleanup_Audit__c is not ready, so no field was changed:"
        + " Old_Value__c is missing").contains("Setup > Object Manager").contains("Old_Value__c Long Text Area(131072)");
    assertThat(recorded()).hasSize(1);
  }

  @Test
  void fieldsOfTheWrongTypeOrNotWritableAreNamed() {
    Map<String, Object> audit = auditDescribe(true, true);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> fields = (List<Map<String, Object>>) audit.get("fields");
    for (Map<String, Object> f : fields) {
      switch ((String) f.get("name")) {
        case "Record_Id__c" -> f.put("length", 15);
        case "Failed__c" -> f.put("type", "string");
        case "New_Value__c" -> f.put("type", "double");
        case "Justification__c" -> f.put("createable", false);
        default -> { }
      }
    }
    audit.put("createable", false);
    enqueue(200, audit);

    assertThat(refused().problems()).containsExactly(
        "the API user may not create Cleanup_Audit__c records (grant Create on the object)",
        "Record_Id__c holds only 15 characters but must hold 18",
        "New_Value__c is a double field but must be Long Text Area(131072)",
        "Justification__c is not writable by the API user (grant Edit in field-level security)",
        "Failed__c is a string field but must be a Checkbox");
  }

  @Test
  void aFailedCheckIsNotCachedSoAnAdministratorsFixTakesEffect() {
    enqueue(200, auditDescribeWithout("Justification__c"));
    refused();

    enqueueReadsBeforeWrite(auditDescribe(true, true), "StageName", "Proposal");
    enqueue(200, compositeSuccess("StageName", "Proposal"));
    FieldUpdateResult result = writer.updateField("Opportunity", OPP, "StageName", "Negotiation", WHY,
        Optional.empty());

    assertThat(result).isInstanceOf(FieldUpdateResult.Applied.class);
    assertThat(recorded()).hasSize(6);
  }

  @Test
  void optionalFieldsMayBeAbsent() {
    enqueueReadsBeforeWrite(auditDescribe(false, false), "StageName", "Proposal");
    enqueue(200, compositeSuccess("StageName", "Proposal"));

    assertThat(writer.updateField("Opportunity", OPP, "StageName", "Negotiation", WHY, Optional.empty()))
        .isInstanceOf(FieldUpdateResult.Applied.class);
  }

  @Test
  void anotherAuditObjectNameIsUsedEverywhere() {
    writer = new AuditedWriter(client, new io.revops.core.salesforce.DescribeCache(client), "Change_Log__c",
        WritableFields.anyUpdateable(), java.time.Clock.fixed(NOW, java.time.ZoneOffset.UTC));
    enqueue(404, List.of(map("errorCode", "NOT_FOUND", "message", "The requested resource does not exist")));

    AuditSetupException e = refused();

    assertThat(e.auditObject()).isEqualTo("Change_Log__c");
    assertThat(recorded().get(0).getUrl().encodedPath()).isEqualTo(API + "sobjects/Change_Log__c/describe");
  }
}
