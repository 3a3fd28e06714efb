package io.revops.core.writes;

import static org.assertj.core.api.Assertions.assertThat;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import io.revops.core.salesforce.DescribeCache;
import io.revops.salesforce.SalesforceClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A loopback MockWebServer playing a Salesforce org with an Opportunity and an audit object, a writer
 * pointed at it, fixtures for the answers, and readers for what the writer sent.
 */
abstract class MockOrg {
  static final String TOKEN = "00DWRITES!AQ4AQFakeToken.never-print-me";
  static final String OPP = "006000000000001AAA";
  static final String ACCOUNT = "001000000000001AAA";
  static final String USER = "005000000000001AAA";
  static final String AUDIT_ID = "a00000000000001AAA";
  static final String FAILURE_AUDIT_ID = "a00000000000002AAA";
  static final String AUDIT = "Cleanup_Audit__c";
  static final String USERNAME = "integration@acme.com";
  static final String STAMP = "2026-05-04T09:58:00.000+0000";
  static final Instant NOW = Instant.parse("2026-05-04T10:00:00Z");
  static final String WHY = "Customer confirmed on the call";
  static final String API = "/services/data/v60.0/";

  static final JsonAdapter<Object> JSON = new Moshi.Builder().build().adapter(Object.class);

  MockWebServer server;
  SalesforceClient client;
  AuditedWriter writer;
  private final List<RecordedRequest> recorded = new ArrayList<>();

  @BeforeEach
  void startOrg() throws IOException {
    server = new MockWebServer();
    server.start();
    client = clientBuilder().build();
    writer = writerWith(WritableFields.anyUpdateable());
  }

  @AfterEach
  void stopOrg() {
    server.close();
  }

  SalesforceClient.Builder clientBuilder() {
    return SalesforceClient.builder().instanceUrl(server.url("/").toString()).accessToken(TOKEN);
  }

  AuditedWriter writerWith(WritableFields fields) {
    return new AuditedWriter(client, new DescribeCache(client), AUDIT, fields, Clock.fixed(NOW, ZoneOffset.UTC));
  }

  // ------------------------------------------------------------------------------------- answers

  void enqueue(int code, Object json) {
    server.enqueue(new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json")
        .body(json instanceof String s ? s : JSON.toJson(json)).build());
  }

  void enqueueNoContent() {
    server.enqueue(new MockResponse.Builder().code(204).build());
  }

  /** The four reads before a first write: audit describe, Opportunity describe, userinfo, the old value. */
  void enqueueReadsBeforeWrite(Map<String, Object> auditDescribe, String field, Object oldValue) {
    enqueue(200, auditDescribe);
    enqueue(200, opportunityDescribe());
    enqueue(200, userInfo());
    enqueue(200, opportunity(field, oldValue));
  }

  static Map<String, Object> userInfo() {
    return map("preferred_username", USERNAME, "email", "ops@acme.com", "user_id", USER, "name", "Integration",
        "organization_id", "00D000000000001AAA");
  }

  static Map<String, Object> opportunity(String field, Object value) {
    Map<String, Object> record = map("attributes", map("type", "Opportunity"), "Id", OPP);
    record.put(field, value);
    record.put("SystemModstamp", STAMP);
    return record;
  }

  static Map<String, Object> auditDescribe(boolean withFailed, boolean withError) {
    List<Object> fields = new ArrayList<>(List.of(
        field("Id", "id", 18, false, false, false),
        field("Object_Name__c", "string", 80, true, true, true),
        field("Record_Id__c", "string", 18, true, true, true),
        field("Field_Name__c", "string", 80, true, true, true),
        field("Old_Value__c", "textarea", 131072, true, true, true),
        field("New_Value__c", "textarea", 131072, true, true, true),
        field("Justification__c", "textarea", 32768, true, true, true),
        field("Performed_By__c", "string", 255, true, true, true)));
    if (withFailed) {
      fields.add(field("Failed__c", "boolean", 0, true, true, false));
    }
    if (withError) {
      fields.add(field("Error__c", "textarea", 32768, true, true, true));
    }
    return describe(AUDIT, "a00", fields);
  }

  static Map<String, Object> auditDescribeWithout(String... missing) {
    Map<String, Object> d = auditDescribe(true, true);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> fields = (List<Map<String, Object>>) d.get("fields");
    fields.removeIf(f -> List.of(missing).contains(f.get("name")));
    return d;
  }

  static Map<String, Object> opportunityDescribe() {
    return describe("Opportunity", "006", List.of(
        field("Id", "id", 18, false, false, false),
        picklist("StageName", false, pick("Prospecting", true), pick("Proposal", true),
            pick("Negotiation", true), pick("Legacy", false)),
        field("Amount", "currency", 0, true, true, true),
        field("Probability", "percent", 0, true, true, true),
        field("CloseDate", "date", 0, true, true, false),
        field("NextStep", "string", 255, true, true, true),
        field("Description", "textarea", 32000, true, true, true),
        field("IsPrivate", "boolean", 0, true, true, false),
        field("IsClosed", "boolean", 0, false, false, false),
        calculated("ExpectedRevenue", "currency"),
        field("Seats__c", "int", 0, true, true, true),
        field("Review_At__c", "datetime", 0, true, true, true),
        field("Champion_Email__c", "email", 80, true, true, true),
        field("Site__c", "location", 0, true, true, true),
        picklist("Products__c", true, pick("Core", true), pick("Analytics", true)),
        reference("OwnerId", "User")));
  }

  static Map<String, Object> describe(String name, String prefix, List<Object> fields) {
    return map("name", name, "label", name, "keyPrefix", prefix, "queryable", true, "createable", true,
        "updateable", true, "fields", new ArrayList<>(fields));
  }

  static Map<String, Object> field(String name, String type, int length, boolean updateable, boolean createable,
      boolean nillable) {
    String label = name.equals("StageName") ? "Stage" : name.replace("__c", "").replace('_', ' ');
    return map("name", name, "label", label, "type", type, "length", length, "updateable", updateable,
        "createable", createable, "nillable", nillable, "calculated", false, "referenceTo", List.of(),
        "picklistValues", List.of());
  }

  static Map<String, Object> calculated(String name, String type) {
    Map<String, Object> f = field(name, type, 0, false, false, true);
    f.put("calculated", true);
    return f;
  }

  static Map<String, Object> reference(String name, String target) {
    Map<String, Object> f = field(name, "reference", 18, true, true, false);
    f.put("referenceTo", List.of(target));
    return f;
  }

  static Map<String, Object> picklist(String name, boolean multi, Object... values) {
    Map<String, Object> f = field(name, multi ? "multipicklist" : "picklist", 255, true, true, multi);
    f.put("picklistValues", List.of(values));
    return f;
  }

  static Map<String, Object> pick(String value, boolean active) {
    return map("value", value, "label", value, "active", active, "defaultValue", false);
  }

  // ------------------------------------------------------------------------------ composite answers

  static Map<String, Object> compositeSuccess(String field, Object oldValue) {
    return map("compositeResponse", List.of(
        sub("old", 200, map("totalSize", 1, "done", true, "records", List.of(opportunity(field, oldValue)))),
        sub("audit", 201, map("id", AUDIT_ID, "success", true, "errors", List.of())),
        sub("update", 204, null)));
  }

  /** An all-or-none failure: {@code failingStep} reports the error, the others PROCESSING_HALTED. */
  static Map<String, Object> compositeFailure(String failingStep, String errorCode, String message) {
    List<Object> results = new ArrayList<>();
    for (String step : List.of("old", "audit", "update")) {
      results.add(step.equals(failingStep)
          ? sub(step, 400, List.of(map("errorCode", errorCode, "message", message, "fields", List.of())))
          : sub(step, 400, List.of(map("errorCode", "PROCESSING_HALTED",
              "message", "The transaction was rolled back since another operation in the same transaction failed."))));
    }
    return map("compositeResponse", results);
  }

  static Map<String, Object> sub(String referenceId, int status, Object body) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("body", body);
    s.put("httpHeaders", map());
    s.put("httpStatusCode", status);
    s.put("referenceId", referenceId);
    return s;
  }

  static Map<String, Object> queryResult(List<Object> records) {
    return map("totalSize", records.size(), "done", true, "records", records);
  }

  static Map<String, Object> auditRowFound(String newValue, String justification, String performedBy) {
    return map("attributes", map("type", AUDIT), "Id", AUDIT_ID, "New_Value__c", newValue,
        "Justification__c", justification, "Performed_By__c", performedBy);
  }

  static Map<String, Object> created(String id) {
    return map("id", id, "success", true, "errors", List.of());
  }

  static Map<String, Object> map(Object... keyValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      m.put((String) keyValues[i], keyValues[i + 1]);
    }
    return m;
  }

  // --------------------------------------------------------------------------- recorded requests

  /** Every request the server received so far, in order. */
  List<RecordedRequest> recorded() {
    try {
      while (recorded.size() < server.getRequestCount()) {
        RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
        if (r == null) {
          throw new AssertionError("a counted request was not delivered");
        }
        recorded.add(r);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
    return List.copyOf(recorded);
  }

  RecordedRequest last() {
    List<RecordedRequest> all = recorded();
    return all.get(all.size() - 1);
  }

  static String body(RecordedRequest request) {
    return request.getBody() == null ? "" : request.getBody().utf8();
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> jsonBody(RecordedRequest request) {
    try {
      return (Map<String, Object>) JSON.fromJson(body(request));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> subrequests(RecordedRequest composite) {
    return (List<Map<String, Object>>) jsonBody(composite).get("compositeRequest");
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> subBody(Map<String, Object> subrequest) {
    return (Map<String, Object>) subrequest.get("body");
  }

  static boolean isComposite(RecordedRequest r) {
    return r.getMethod().equals("POST") && r.getUrl().encodedPath().equals(API + "composite");
  }

  List<RecordedRequest> composites() {
    return recorded().stream().filter(MockOrg::isComposite).toList();
  }

  /**
   * The audit-first invariant, checked on everything the server received: no request changes a CRM
   * record except a PATCH inside an all-or-none composite call, after an insert of its audit row for
   * the same record, field and new value; a standalone insert into the audit object is only ever the
   * record of a failed attempt.
   */
  void assertNoUpdateWithoutItsAuditRow() {
    for (RecordedRequest r : recorded()) {
      String path = r.getUrl().encodedPath();
      assertThat(r.getMethod()).as("no standalone PATCH: %s", path).isNotEqualTo("PATCH");
      assertThat(r.getUrl().queryParameter("_HttpMethod")).as("no tunnelled PATCH").isNull();
      assertThat(r.getMethod().equals("DELETE")).as("no DELETE").isFalse();
      if (r.getMethod().equals("POST") && path.startsWith(API + "sobjects/")) {
        assertThat(path).as("a standalone insert may only go to the audit object").isEqualTo(API + "sobjects/" + AUDIT);
        assertThat(jsonBody(r)).as("a standalone audit row records a failed attempt").containsEntry("Failed__c", true);
      }
      if (isComposite(r)) {
        assertAuditedComposite(r);
      }
    }
  }

  private static void assertAuditedComposite(RecordedRequest composite) {
    List<Map<String, Object>> subs = subrequests(composite);
    for (int i = 0; i < subs.size(); i++) {
      Map<String, Object> sub = subs.get(i);
      String url = (String) sub.get("url");
      if (sub.get("method").equals("PATCH") || sub.get("method").equals("DELETE")) {
        assertThat(jsonBody(composite).get("allOrNone")).as("an update travels only in an all-or-none call")
            .isEqualTo(true);
        String recordId = url.substring(url.lastIndexOf('/') + 1);
        Map<String, Object> change = subBody(sub);
        assertThat(change).hasSize(1);
        String field = change.keySet().iterator().next();
        boolean audited = subs.subList(0, i).stream().anyMatch(earlier ->
            earlier.get("method").equals("POST") && earlier.get("url").equals(API + "sobjects/" + AUDIT)
                && field.equals(subBody(earlier).get("Field_Name__c"))
                && referencesRecord(subs, subBody(earlier).get("Record_Id__c"), recordId)
                && subBody(earlier).containsKey("New_Value__c"));
        assertThat(audited).as("the update of %s is preceded by its audit row in the same call", url).isTrue();
      } else if (sub.get("method").equals("POST")) {
        assertThat(url).as("composite inserts go only to the audit object or notes")
            .isIn(API + "sobjects/" + AUDIT, API + "sobjects/ContentNote", API + "sobjects/ContentDocumentLink");
      }
    }
  }

  /** The audit row's Record_Id__c is the record's id, or a reference to a read of exactly that record. */
  private static boolean referencesRecord(List<Map<String, Object>> subs, Object recordIdValue, String recordId) {
    if (recordId.equals(recordIdValue)) {
      return true;
    }
    if (!"@{old.records[0].Id}".equals(recordIdValue)) {
      return false;
    }
    return subs.stream().anyMatch(s -> "old".equals(s.get("referenceId")) && s.get("method").equals("GET")
        && decodedQuery((String) s.get("url")).contains("WHERE Id = '" + recordId + "'"));
  }

  static String decodedQuery(String url) {
    int q = url.indexOf("?q=");
    return q < 0 ? "" : java.net.URLDecoder.decode(url.substring(q + 3), java.nio.charset.StandardCharsets.UTF_8);
  }
}
