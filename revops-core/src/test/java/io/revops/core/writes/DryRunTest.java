package io.revops.core.writes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.revops.core.RevOpsArgumentException;
import io.revops.core.plan.DryRunPlan;
import io.revops.core.plan.PlannedRequest;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Plans validate like the operations and send nothing, not even a describe. */
class DryRunTest extends MockOrg {

  @AfterEach
  void nothingWasSent() {
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void planUpdateFieldShowsEveryRequestWithTheTokenRedacted() {
    DryRunPlan plan = writer.planUpdateField("Opportunity", OPP, "StageName", "Negotiation", WHY,
        Optional.of("Ana Lopez"));

    assertThat(plan.operation()).isEqualTo("updateField");
    String base = server.url("/").toString().replaceAll("/$", "");
    assertThat(plan.requests()).extracting(r -> r.method() + " " + r.url()).containsExactly(
        "GET " + base + API + "sobjects/Cleanup_Audit__c/describe",
        "GET " + base + API + "sobjects/Opportunity/describe",
        "GET " + base + "/services/oauth2/userinfo",
        "GET " + base + API + "sobjects/Opportunity/" + OPP + "?fields=StageName%2CSystemModstamp",
        "POST " + base + API + "composite");
    assertThat(plan.requests()).allSatisfy(r -> assertThat(r.headers()).containsEntry("Authorization", "Bearer ***"));
    assertThat(plan.toString()).doesNotContain(TOKEN);

    PlannedRequest composite = plan.requests().get(4);
    assertThat(composite.body()).hasValueSatisfying(body -> assertThat(body)
        .startsWith("{\"allOrNone\":true,\"compositeRequest\":[{\"method\":\"GET\",\"url\":\"" + API + "query?q=SELECT+Id")
        .contains("\"referenceId\":\"audit\",\"body\":{\"Object_Name__c\":\"Opportunity\","
            + "\"Record_Id__c\":\"@{old.records[0].Id}\",\"Field_Name__c\":\"StageName\","
            + "\"Old_Value__c\":\"<current value, from request 4>\",\"New_Value__c\":\"Negotiation\","
            + "\"Justification__c\":\"" + WHY + "\","
            + "\"Performed_By__c\":\"<API username from request 3> on behalf of Ana Lopez\"}}")
        .endsWith("{\"method\":\"PATCH\",\"url\":\"" + API + "sobjects/Opportunity/" + OPP + "\","
            + "\"referenceId\":\"update\",\"body\":{\"StageName\":\"Negotiation\"}}]}"));
    assertThat(plan.notes()).anySatisfy(n -> assertThat(n).contains("sent on first use only"))
        .anySatisfy(n -> assertThat(n).contains("Request 2 decides whether Opportunity.StageName exists"))
        .anySatisfy(n -> assertThat(n).contains("allOrNone=true"))
        .anySatisfy(n -> assertThat(n).contains("records the failed attempt"));
  }

  @Test
  void planUpdateFieldClearingAFieldPlansJsonNull() {
    DryRunPlan plan = writer.planUpdateField("Opportunity", OPP, "NextStep", "", WHY, Optional.empty());

    assertThat(plan.requests().get(4).body()).hasValueSatisfying(body ->
        assertThat(body).endsWith("\"body\":{\"NextStep\":null}}]}"));
    assertThat(plan.notes()).anySatisfy(n -> assertThat(n).contains("empty clears the field"));
  }

  @Test
  void planUpdateFieldValidatesLikeTheOperation() {
    assertThat(catchThrowableOfType(RevOpsArgumentException.class, () -> writer.planUpdateField("Opportunity", OPP,
        "StageName", "Negotiation", "because", Optional.empty())).argument()).isEqualTo("justification");
    assertThat(catchThrowableOfType(RevOpsArgumentException.class, () -> writer.planUpdateField("Lead", OPP,
        "Status", "Open", WHY, Optional.empty())).argument()).isEqualTo("objectId");
    AuditedWriter restricted = writerWith(WritableFields.only(List.of("Opportunity.NextStep")));
    assertThat(catchThrowableOfType(RevOpsArgumentException.class, () -> restricted.planUpdateField("Opportunity",
        OPP, "StageName", "Negotiation", WHY, Optional.empty())).argument()).isEqualTo("fieldName");
  }

  @Test
  void planAddNoteShowsTheCompositeCall() {
    DryRunPlan plan = writer.planAddNote("Opportunity", OPP, "Call <notes>");

    assertThat(plan.operation()).isEqualTo("addNote");
    assertThat(plan.requests()).hasSize(1);
    PlannedRequest composite = plan.requests().get(0);
    assertThat(composite.method()).isEqualTo("POST");
    assertThat(composite.headers()).containsEntry("Authorization", "Bearer ***");
    String content = java.util.Base64.getEncoder().encodeToString("<p>Call &lt;notes&gt;</p>".getBytes(
        java.nio.charset.StandardCharsets.UTF_8));
    assertThat(composite.body()).contains("{\"allOrNone\":true,\"compositeRequest\":["
        + "{\"method\":\"POST\",\"url\":\"" + API + "sobjects/ContentNote\",\"referenceId\":\"note\","
        + "\"body\":{\"Title\":\"Call <notes>\",\"Content\":\"" + content + "\"}},"
        + "{\"method\":\"POST\",\"url\":\"" + API + "sobjects/ContentDocumentLink\",\"referenceId\":\"link\","
        + "\"body\":{\"ContentDocumentId\":\"@{note.id}\",\"LinkedEntityId\":\"" + OPP + "\",\"ShareType\":\"V\","
        + "\"Visibility\":\"InternalUsers\"}}]}");
    assertThat(plan.toString()).doesNotContain(TOKEN);
  }

  @Test
  void planAddNoteValidatesLikeTheOperation() {
    assertThat(catchThrowableOfType(RevOpsArgumentException.class,
        () -> writer.planAddNote("Opportunity", OPP, "x".repeat(32_001))).argument()).isEqualTo("body");
  }
}
