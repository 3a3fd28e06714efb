package io.revops.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.revops.salesforce.CompositeRequest;
import io.revops.salesforce.CompositeResponse;
import io.revops.salesforce.CompositeSubrequest;
import io.revops.salesforce.CompositeSubresponse;
import io.revops.salesforce.SalesforceId;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Composite calls: allOrNone, references between subrequests, rollback and PROCESSING_HALTED. */
class CompositeTest {
  private SandboxFixture f;
  private SampleRecord opp;

  @BeforeEach
  void start() {
    f = new SandboxFixture();
    opp = f.data().records("Opportunity").stream()
        .filter(o -> o.getString("StageName").orElseThrow().equals("Proposal")).findFirst().orElseThrow();
  }

  @AfterEach
  void stop() {
    f.close();
  }

  private Map<String, Object> audit(String field, String oldValue, String newValue) {
    Map<String, Object> audit = new LinkedHashMap<>();
    audit.put("Object_Name__c", "Opportunity");
    audit.put("Record_Id__c", opp.id());
    audit.put("Field_Name__c", field);
    audit.put("Old_Value__c", oldValue);
    audit.put("New_Value__c", newValue);
    audit.put("Justification__c", "Buyer confirmed the timeline on today's call.");
    audit.put("Performed_By__c", "revops-mcp test");
    return audit;
  }

  private int auditRows() {
    return f.data().records("Cleanup_Audit__c").size();
  }

  @Test
  void allOrNoneCommitsEverySubrequestAndResolvesReferences() {
    int before = auditRows();
    CompositeResponse response = f.salesforce.composite(CompositeRequest.builder().allOrNone(true)
        .add(CompositeSubrequest.create("audit", "Cleanup_Audit__c", audit("StageName", "Proposal", "Negotiation")))
        .add(CompositeSubrequest.update("upd", "Opportunity", SalesforceId.of(opp.id()),
            Map.of("StageName", "Negotiation")))
        .add(CompositeSubrequest.updateByReference("mark", "Cleanup_Audit__c", "@{audit.id}",
            Map.of("Error__c", "none")))
        .add(CompositeSubrequest.query("q", f.guard.check("SELECT Id, Error__c FROM Cleanup_Audit__c WHERE"
            + " Record_Id__c = '" + opp.id() + "' AND Field_Name__c = 'StageName'")))
        .build());

    assertThat(response.failures()).isEmpty();
    CompositeSubresponse audit = response.result("audit").orElseThrow();
    assertThat(audit.httpStatus()).isEqualTo(201);
    assertThat(audit.httpHeaders().get("Location")).endsWith(audit.createdId().orElseThrow().to18());
    assertThat(response.result("upd").orElseThrow().httpStatus()).isEqualTo(204);
    assertThat(response.result("upd").orElseThrow().body()).isEmpty();
    assertThat(response.result("q").orElseThrow().body().map(b -> ((Map<?, ?>) b).get("totalSize").toString()))
        .contains("1");
    assertThat(auditRows()).isEqualTo(before + 1);
    assertThat(f.data().record("Opportunity", opp.id()).orElseThrow().getString("StageName")).contains("Negotiation");
    assertThat(f.sandbox.salesforceApiCalls()).isEqualTo(1);
  }

  @Test
  void aFailureWithAllOrNoneRollsEverythingBackAndHaltsTheRest() {
    int before = auditRows();
    CompositeResponse response = f.salesforce.composite(CompositeRequest.builder().allOrNone(true)
        .add(CompositeSubrequest.create("audit", "Cleanup_Audit__c", audit("StageName", "Proposal", "Won")))
        .add(CompositeSubrequest.update("upd", "Opportunity", SalesforceId.of(opp.id()), Map.of("StageName", "Won")))
        .add(CompositeSubrequest.update("later", "Opportunity", SalesforceId.of(opp.id()), Map.of("NextStep", "x")))
        .build());

    assertThat(response.allSucceeded()).isFalse();
    assertThat(response.result("upd").orElseThrow().errorCode()).isEqualTo("INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST");
    for (String halted : List.of("audit", "later")) {
      CompositeSubresponse r = response.result(halted).orElseThrow();
      assertThat(r.httpStatus()).isEqualTo(400);
      assertThat(r.errorCode()).isEqualTo("PROCESSING_HALTED");
      assertThat(r.errors().get(0).message())
          .isEqualTo("The transaction was rolled back since another operation in the same transaction failed.");
    }
    assertThat(auditRows()).isEqualTo(before);
    assertThat(f.data().record("Opportunity", opp.id()).orElseThrow()).isEqualTo(opp);
  }

  @Test
  void withoutAllOrNoneOnlyDependentSubrequestsAreSkipped() {
    int before = auditRows();
    CompositeResponse response = f.salesforce.composite(CompositeRequest.builder().allOrNone(false)
        .add(CompositeSubrequest.create("bad", "Cleanup_Audit__c", Map.of("Record_Id__c", "x".repeat(19))))
        .add(CompositeSubrequest.updateByReference("dependent", "Cleanup_Audit__c", "@{bad.id}",
            Map.of("Failed__c", true)))
        .add(CompositeSubrequest.create("good", "Cleanup_Audit__c", audit("NextStep", "a", "b")))
        .build());

    assertThat(response.result("bad").orElseThrow().errorCode()).isEqualTo("STRING_TOO_LONG");
    CompositeSubresponse dependent = response.result("dependent").orElseThrow();
    assertThat(dependent.errorCode()).isEqualTo("PROCESSING_HALTED");
    assertThat(dependent.errors().get(0).message()).contains("bad.id");
    assertThat(response.result("good").orElseThrow().httpStatus()).isEqualTo(201);
    assertThat(auditRows()).isEqualTo(before + 1);
  }

  @Test
  void aNoteAndItsLinkInOneCallWithTheNoteIdReference() {
    String html = "<p>Champion &amp; CFO aligned</p>";
    Map<String, Object> link = new LinkedHashMap<>();
    link.put("ContentDocumentId", "@{note.id}");
    link.put("LinkedEntityId", opp.id());
    link.put("ShareType", "V");
    link.put("Visibility", "InternalUsers");
    CompositeResponse response = f.salesforce.composite(CompositeRequest.builder().allOrNone(true)
        .add(CompositeSubrequest.create("note", "ContentNote", Map.of("Title", "Call notes",
            "Content", Base64.getEncoder().encodeToString(html.getBytes(StandardCharsets.UTF_8)))))
        .add(CompositeSubrequest.create("link", "ContentDocumentLink", link))
        .build());

    assertThat(response.allSucceeded()).isTrue();
    String noteId = response.result("note").orElseThrow().createdId().orElseThrow().to18();
    assertThat(noteId).startsWith("069");
    SampleRecord note = f.data().record("ContentNote", noteId).orElseThrow();
    assertThat(note.getString("FileType")).contains("SNOTE");
    assertThat(note.getString("TextPreview")).contains("Champion & CFO aligned");
    assertThat(f.queryAll("SELECT ContentDocumentId FROM ContentDocumentLink WHERE LinkedEntityId = '" + opp.id()
        + "'")).extracting(r -> r.getString("ContentDocumentId").orElseThrow()).contains(noteId);
  }

  @Test
  void aShareTypeLabelInsteadOfItsValueFailsTheLink() {
    Map<String, Object> link = new LinkedHashMap<>();
    link.put("ContentDocumentId", "@{note.id}");
    link.put("LinkedEntityId", opp.id());
    link.put("ShareType", "Viewer");
    int notes = f.data().records("ContentNote").size();
    CompositeResponse response = f.salesforce.composite(CompositeRequest.builder().allOrNone(true)
        .add(CompositeSubrequest.create("note", "ContentNote", Map.of("Title", "t", "Content", "aGk=")))
        .add(CompositeSubrequest.create("link", "ContentDocumentLink", link))
        .build());
    assertThat(response.result("link").orElseThrow().errorCode()).isEqualTo("INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST");
    assertThat(response.result("note").orElseThrow().errorCode()).isEqualTo("PROCESSING_HALTED");
    assertThat(f.data().records("ContentNote")).hasSize(notes);
  }

  @Test
  void queryResultsCanBeReferencedByIndex() {
    CompositeResponse response = f.salesforce.composite(CompositeRequest.builder().allOrNone(true)
        .add(CompositeSubrequest.query("q", f.guard.check("SELECT Id FROM Opportunity WHERE Id = '" + opp.id() + "'")))
        .add(CompositeSubrequest.updateByReference("upd", "Opportunity", "@{q.records[0].Id}",
            Map.of("NextStep", "Referenced")))
        .build());
    assertThat(response.allSucceeded()).isTrue();
    assertThat(f.data().record("Opportunity", opp.id()).orElseThrow().getString("NextStep")).contains("Referenced");
  }

  @Test
  void theEnvelopeItselfIsCheckedAndAnsweredWithA400() {
    SandboxFixture.Raw tooMany = f.send("POST", "/services/data/v60.0/composite", "{\"compositeRequest\":["
        + "{\"method\":\"GET\",\"url\":\"/services/data/v60.0/limits\",\"referenceId\":\"a\"},".repeat(25)
        + "{\"method\":\"GET\",\"url\":\"/services/data/v60.0/limits\",\"referenceId\":\"z\"}]}",
        "Authorization", "Bearer t");
    assertThat(tooMany.code()).isEqualTo(400);
    SandboxFixture.Raw notJson = f.send("POST", "/services/data/v60.0/composite", "{", "Authorization", "Bearer t");
    assertThat(notJson.code()).isEqualTo(400);
    assertThat(notJson.body()).contains("JSON_PARSER_ERROR");
  }
}
