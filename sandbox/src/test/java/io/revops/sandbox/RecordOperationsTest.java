package io.revops.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.revops.salesforce.ApiError;
import io.revops.salesforce.FieldDescribe;
import io.revops.salesforce.OrgLimit;
import io.revops.salesforce.PicklistValue;
import io.revops.salesforce.QueryPage;
import io.revops.salesforce.SObjectDescribe;
import io.revops.salesforce.SObjectRecord;
import io.revops.salesforce.SalesforceApiException;
import io.revops.salesforce.SalesforceId;
import io.revops.salesforce.UserInfo;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Retrieve, describe, create, update, paging, userinfo and limits, through the real SalesforceClient. */
class RecordOperationsTest {
  private static final DateTimeFormatter SALESFORCE_DATETIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssX").withZone(ZoneOffset.UTC);
  private SandboxFixture f;

  @BeforeEach
  void start() {
    f = new SandboxFixture(SandboxOptions.builder().queryPageSize(50));
  }

  @AfterEach
  void stop() {
    f.close();
  }

  private SampleRecord openOpportunity(String stage) {
    return f.data().records("Opportunity").stream()
        .filter(o -> o.getString("StageName").orElseThrow().equals(stage)).findFirst().orElseThrow();
  }

  private SalesforceApiException updateError(String type, String id, Map<String, ?> changes) {
    return catchThrowableOfType(SalesforceApiException.class,
        () -> f.salesforce.update(type, SalesforceId.of(id), changes));
  }

  @Test
  void queriesPageWithNextRecordsUrlUntilEveryRowWasSeen() {
    QueryPage first = f.salesforce.query(f.guard.check("SELECT Id FROM Opportunity ORDER BY Name"));
    assertThat(first.records()).hasSize(50);
    assertThat(first.done()).isFalse();
    assertThat(first.totalSize()).isEqualTo(300);
    assertThat(first.next().orElseThrow().path()).matches("/services/data/v60\\.0/query/01g[A-Za-z0-9]+-50");

    List<String> ids = new ArrayList<>();
    f.salesforce.queryPaginator(f.guard.check("SELECT Id FROM Opportunity ORDER BY Name"), 10_000)
        .forEach(page -> page.records().forEach(r -> ids.add(r.getString("Id").orElseThrow())));
    assertThat(ids).hasSize(300).doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(f.data().records("Opportunity").stream().map(SampleRecord::id).toList());
    assertThat(f.sandbox.salesforceApiCalls()).isEqualTo(1 + 6);
  }

  @Test
  void aggregateResultsComeInOneBatchAndUnknownLocatorsAreRefused() {
    QueryPage page = f.salesforce.query(f.guard.check("SELECT Name, COUNT(Id) FROM Account GROUP BY Name"));
    assertThat(page.done()).isTrue();
    assertThat(page.records()).hasSize(60);
    SalesforceApiException e = catchThrowableOfType(SalesforceApiException.class,
        () -> f.salesforce.nextPage("/services/data/v60.0/query/01gSb0000009999-100"));
    assertThat(e.errorCode()).isEqualTo("INVALID_QUERY_LOCATOR");
  }

  @Test
  void batchSizeHeaderIsHonouredWithinSalesforceBounds() {
    SandboxFixture.Raw raw = f.get("/services/data/v60.0/query?q=SELECT+Id+FROM+Opportunity", "Authorization",
        "Bearer x", "Sforce-Query-Options", "batchSize=250");
    assertThat(raw.body()).contains("\"done\":false").contains("-250\"");
  }

  @Test
  void retrieveReturnsAllFieldsOrTheAskedOnesAndAnswers404() {
    SampleRecord opp = openOpportunity("Proposal");
    SObjectRecord all = f.salesforce.retrieve("Opportunity", SalesforceId.of(opp.id()));
    assertThat(all.getString("StageName")).contains("Proposal");
    assertThat(all.has("LastStageChangeDate")).isTrue();
    SObjectRecord some = f.salesforce.retrieve("Opportunity", SalesforceId.of(opp.id().substring(0, 15)),
        List.of("Name", "Amount"));
    assertThat(some.fields()).containsOnlyKeys("Name", "Amount");

    String missing = SalesforceId.of("006Sb0000009999").to18();
    SalesforceApiException notFound = catchThrowableOfType(SalesforceApiException.class,
        () -> f.salesforce.retrieve("Opportunity", SalesforceId.of(missing)));
    assertThat(notFound.httpStatus()).isEqualTo(404);
    assertThat(notFound.errorCode()).isEqualTo("NOT_FOUND");
    SalesforceApiException badField = catchThrowableOfType(SalesforceApiException.class,
        () -> f.salesforce.retrieve("Opportunity", SalesforceId.of(opp.id()), List.of("Stage")));
    assertThat(badField.errorCode()).isEqualTo("INVALID_FIELD");
  }

  @Test
  void describeReportsTypesPicklistsInOrderAndWritability() {
    SObjectDescribe describe = f.salesforce.describe("Opportunity");
    assertThat(describe.keyPrefix()).contains("006");
    FieldDescribe stage = describe.field("StageName").orElseThrow();
    assertThat(stage.type()).isEqualTo("picklist");
    assertThat(stage.picklistValues()).extracting(PicklistValue::value)
        .containsExactly("Prospecting", "Qualification", "Needs Analysis", "Proposal", "Commit", "Negotiation",
            "Closed Won", "Closed Lost");
    assertThat(describe.field("LastStageChangeDate").orElseThrow().type()).isEqualTo("datetime");
    assertThat(describe.field("LastStageChangeDate").orElseThrow().updateable()).isFalse();
    assertThat(describe.field("CloseDate").orElseThrow().type()).isEqualTo("date");
    assertThat(describe.field("NextStep").orElseThrow().updateable()).isTrue();
    assertThat(describe.field("Amount").orElseThrow().type()).isEqualTo("currency");
    SObjectDescribe audit = f.salesforce.describe("Cleanup_Audit__c");
    assertThat(audit.fields()).extracting(FieldDescribe::name).contains("Object_Name__c", "Record_Id__c",
        "Field_Name__c", "Old_Value__c", "New_Value__c", "Justification__c", "Performed_By__c", "Failed__c",
        "Error__c");
    assertThat(f.salesforce.describe("ContentDocumentLink").field("ShareType").orElseThrow().picklistValues())
        .extracting(PicklistValue::value).containsExactly("V", "C", "I");
    SalesforceApiException unknown = catchThrowableOfType(SalesforceApiException.class,
        () -> f.salesforce.describe("Opportunities"));
    assertThat(unknown.httpStatus()).isEqualTo(404);
  }

  @Test
  void anUpdateIsVisibleToTheNextReadWithWhatSalesforceDerives() {
    SampleRecord opp = openOpportunity("Proposal");
    SalesforceId id = SalesforceId.of(opp.id());
    f.time.advance(Duration.ofHours(1));

    Map<String, Object> changes = new LinkedHashMap<>();
    changes.put("StageName", "Closed Won");
    changes.put("NextStep", null);
    changes.put("Amount", new BigDecimal("123456.78"));
    f.salesforce.update("Opportunity", id, changes);

    SObjectRecord read = f.salesforce.retrieve("Opportunity", id);
    assertThat(read.getString("StageName")).contains("Closed Won");
    assertThat(read.getBoolean("IsClosed")).contains(true);
    assertThat(read.getBoolean("IsWon")).contains(true);
    assertThat(read.getString("ForecastCategoryName")).contains("Closed");
    assertThat(read.getDecimal("Probability").orElseThrow()).isEqualByComparingTo("100");
    assertThat(read.getDecimal("Amount").orElseThrow()).isEqualByComparingTo("123456.78");
    assertThat(read.get("NextStep")).isEmpty();
    assertThat(read.getDateTime("LastStageChangeDate").orElseThrow().toInstant()).isEqualTo(f.time.instant());

    QueryPage query = f.salesforce.query(f.guard.check("SELECT StageName FROM Opportunity WHERE Id = '" + id.to18()
        + "' AND IsWon = true"));
    assertThat(query.records()).hasSize(1);
    SObjectRecord history = f.salesforce.query(f.guard.check("SELECT StageName, PrevAmount, Amount FROM"
        + " OpportunityHistory WHERE OpportunityId = '" + id.to18() + "' ORDER BY CreatedDate DESC LIMIT 1"))
        .records().get(0);
    assertThat(history.getString("StageName")).contains("Closed Won");
    assertThat(history.getDecimal("PrevAmount").orElseThrow()).isEqualByComparingTo(opp.getDecimal("Amount")
        .orElseThrow());
    List<SObjectRecord> changesToday = f.salesforce.query(f.guard.check("SELECT Field, OldValue, NewValue FROM"
        + " OpportunityFieldHistory WHERE OpportunityId = '" + id.to18() + "' AND CreatedDate = TODAY")).records();
    assertThat(changesToday).extracting(r -> r.getString("Field").orElseThrow()).contains("StageName", "Amount");
    assertThat(f.data().record("Opportunity", id.to18()).orElseThrow().getString("StageName")).contains("Closed Won");
  }

  @Test
  void everyRecordHasASystemModstampThatAnUpdateMovesToNow() {
    SampleRecord opp = openOpportunity("Negotiation");
    SalesforceId id = SalesforceId.of(opp.id());
    FieldDescribe stamp = f.salesforce.describe("Opportunity").field("SystemModstamp").orElseThrow();
    assertThat(stamp.type()).isEqualTo("datetime");
    assertThat(stamp.updateable()).isFalse();
    for (String object : List.of("Account", "Contact", "Lead", "Opportunity", "Event", "User", "Cleanup_Audit__c")) {
      assertThat(f.data().records(object)).as(object).allSatisfy(r -> assertThat(r.getDateTime("SystemModstamp"))
          .isPresent().isEqualTo(r.getDateTime("LastModifiedDate")));
    }
    Instant seeded = f.salesforce.retrieve("Opportunity", id, List.of("SystemModstamp")).getDateTime("SystemModstamp")
        .orElseThrow().toInstant();
    assertThat(seeded).isEqualTo(opp.getDateTime("LastModifiedDate").orElseThrow()).isBefore(f.time.instant());

    f.time.advance(Duration.ofMinutes(10));
    f.salesforce.update("Opportunity", id, Map.of("NextStep", "Send the order form"));

    SObjectRecord read = f.salesforce.retrieve("Opportunity", id, List.of("SystemModstamp", "LastModifiedDate"));
    assertThat(read.getDateTime("SystemModstamp").orElseThrow().toInstant()).isEqualTo(f.time.instant())
        .isAfter(seeded);
    assertThat(read.getDateTime("LastModifiedDate")).isEqualTo(read.getDateTime("SystemModstamp"));
    assertThat(f.salesforce.query(f.guard.check("SELECT Id FROM Opportunity WHERE Id = '" + id.to18()
        + "' AND SystemModstamp < " + SALESFORCE_DATETIME.format(f.time.instant()))).records()).isEmpty();
  }

  @Test
  void updatesAreValidatedLikeSalesforceBeforeAnythingChanges() {
    SampleRecord opp = openOpportunity("Commit");
    SalesforceApiException picklist = updateError("Opportunity", opp.id(), Map.of("StageName", "Won"));
    assertThat(picklist.httpStatus()).isEqualTo(400);
    assertThat(picklist.errorCode()).isEqualTo("INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST");
    assertThat(picklist.errors().get(0).fields()).containsExactly("StageName");
    assertThat(picklist.getMessage()).contains("Stage: bad value for restricted picklist field: Won");

    assertThat(updateError("Opportunity", opp.id(), Map.of("Stage", "Commit")).errorCode())
        .isEqualTo("INVALID_FIELD");
    SalesforceApiException readOnly = updateError("Opportunity", opp.id(), Map.of("IsWon", true));
    assertThat(readOnly.errorCode()).isEqualTo("INVALID_FIELD_FOR_INSERT_UPDATE");
    assertThat(readOnly.errors()).extracting(ApiError::fields).containsExactly(List.of("IsWon"));
    Map<String, Object> clearRequired = new HashMap<>();
    clearRequired.put("CloseDate", null);
    assertThat(updateError("Opportunity", opp.id(), clearRequired).errorCode()).isEqualTo("REQUIRED_FIELD_MISSING");
    assertThat(updateError("Opportunity", opp.id(), Map.of("CloseDate", "next friday")).errorCode())
        .isEqualTo("JSON_PARSER_ERROR");
    assertThat(updateError("Opportunity", opp.id(), Map.of("NextStep", "x".repeat(256))).errorCode())
        .isEqualTo("STRING_TOO_LONG");
    assertThat(updateError("Opportunity", opp.id(), Map.of("AccountId", "001Sb0000009999")).errorCode())
        .isEqualTo("INVALID_CROSS_REFERENCE_KEY");

    assertThat(f.data().record("Opportunity", opp.id()).orElseThrow()).isEqualTo(opp);
  }

  @Test
  void createAnswers201WithTheIdAndChecksRequiredFields() {
    SampleRecord account = f.data().records("Account").get(0);
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("Name", "Sandbox test deal");
    fields.put("StageName", "Qualification");
    fields.put("CloseDate", LocalDate.of(2026, 6, 30));
    fields.put("Amount", 42000);
    fields.put("AccountId", account.id());
    SalesforceId id = f.salesforce.create("Opportunity", fields);
    assertThat(id.to18()).startsWith("006");
    SampleRecord created = f.data().record("Opportunity", id.to18()).orElseThrow();
    assertThat(created.getString("ForecastCategoryName")).contains("Pipeline");
    assertThat(created.getString("OwnerId")).contains(f.data().runningUser().id());
    assertThat(created.getDecimal("PushCount").orElseThrow()).isZero();

    SalesforceApiException missing = catchThrowableOfType(SalesforceApiException.class,
        () -> f.salesforce.create("Opportunity", Map.of("Name", "No stage")));
    assertThat(missing.errorCode()).isEqualTo("REQUIRED_FIELD_MISSING");
    assertThat(missing.errors().get(0).fields()).containsExactlyInAnyOrder("StageName", "CloseDate");
    SalesforceApiException history = catchThrowableOfType(SalesforceApiException.class,
        () -> f.salesforce.create("OpportunityHistory", Map.of("StageName", "Commit")));
    assertThat(history.httpStatus()).isEqualTo(400);
  }

  @Test
  void rawCreateAnswers201AndPatchAnswers204WithNoBody() {
    SandboxFixture.Raw created = f.send("POST", "/services/data/v60.0/sobjects/Cleanup_Audit__c",
        "{\"Object_Name__c\":\"Opportunity\",\"Justification__c\":\"test\"}", "Authorization", "Bearer t");
    assertThat(created.code()).isEqualTo(201);
    assertThat(created.body()).matches("\\{\"id\":\"a05[A-Za-z0-9]{15}\",\"success\":true,\"errors\":\\[]}");
    String id = created.body().substring(7, 25);
    SandboxFixture.Raw patched = f.send("PATCH", "/services/data/v60.0/sobjects/Cleanup_Audit__c/" + id,
        "{\"Failed__c\":true,\"Error__c\":\"boom\"}", "Authorization", "Bearer t");
    assertThat(patched.code()).isEqualTo(204);
    assertThat(patched.body()).isEmpty();
    assertThat(f.data().record("Cleanup_Audit__c", id).orElseThrow().getBoolean("Failed__c")).contains(true);
    assertThat(patched.headers().get("Sforce-Limit-Info")).isEqualTo("api-usage=2/15000");
  }

  @Test
  void everyAnswerNeedsABearerTokenAndReportsApiUsage() {
    SandboxFixture.Raw anonymous = f.get("/services/data/v60.0/limits");
    assertThat(anonymous.code()).isEqualTo(401);
    assertThat(anonymous.body()).isEqualTo("[{\"message\":\"Session expired or invalid\",\"errorCode\":"
        + "\"INVALID_SESSION_ID\"}]");
    assertThat(anonymous.headers().get("Sforce-Limit-Info")).startsWith("api-usage=");

    f.salesforce.limits();
    OrgLimit daily = f.salesforce.limits().dailyApiRequests().orElseThrow();
    assertThat(daily.max()).isEqualTo(15000);
    assertThat(daily.remaining()).isEqualTo(15000 - 2);
    assertThat(f.salesforce.lastApiUsage().orElseThrow().used()).isEqualTo(2);
  }

  @Test
  void userInfoNamesTheIntegrationUser() {
    UserInfo me = f.salesforce.userInfo();
    assertThat(me.userId()).isEqualTo(f.data().runningUser().id());
    assertThat(me.organizationId()).isEqualTo(f.data().organizationId());
    assertThat(me.name()).isEqualTo("RevOps Integration");
  }

  @Test
  void unknownResourcesAreNotFoundAndUnsupportedMethodsNotAllowed() {
    assertThat(f.sfGet("/services/data/v60.0/queryAll?q=SELECT+Id+FROM+Account").code()).isEqualTo(404);
    SampleRecord opp = openOpportunity("Commit");
    SandboxFixture.Raw delete = f.send("DELETE", "/services/data/v60.0/sobjects/Opportunity/" + opp.id(), null,
        "Authorization", "Bearer t");
    assertThat(delete.code()).isEqualTo(405);
    assertThat(delete.body()).contains("METHOD_NOT_ALLOWED");
    assertThat(f.sfGet("/services/data/v58.0/sobjects/Account/describe").code()).isEqualTo(200);
    assertThat(f.data().objectNames()).containsAll(Set.of("Opportunity", "Cleanup_Audit__c", "ContentNote"));
  }
}
