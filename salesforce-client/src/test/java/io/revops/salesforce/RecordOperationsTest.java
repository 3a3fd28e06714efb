package io.revops.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

class RecordOperationsTest extends MockSalesforce {
  static final SalesforceId OPP = SalesforceId.of("006000000000001");

  @Test
  void retrieveAsksForTheFieldListAndStripsAttributes() throws Exception {
    enqueueJson(200, json("{'attributes':{'type':'Opportunity','url':'/services/data/v60.0/sobjects/Opportunity/006000000000001AAA'},"
        + "'Id':'006000000000001AAA','Name':'Big','StageName':'Prospecting'}"));
    SObjectRecord record = client.retrieve("Opportunity", OPP, List.of("Id", "Name", "StageName"));

    RecordedRequest request = take();
    assertThat(request.getMethod()).isEqualTo("GET");
    assertThat(request.getUrl().encodedPath()).isEqualTo("/services/data/v60.0/sobjects/Opportunity/006000000000001AAA");
    assertThat(request.getUrl().queryParameter("fields")).isEqualTo("Id,Name,StageName");
    assertThat(record.type()).isEqualTo("Opportunity");
    assertThat(record.id()).contains(OPP);
    assertThat(record.fields()).containsOnlyKeys("Id", "Name", "StageName");
  }

  @Test
  void describeCarriesNumberSizesAndWhetherAPicklistIsRestricted() {
    enqueueJson(200, json("{'name':'Opportunity','label':'Opportunity','fields':["
        + "{'name':'Amount','label':'Amount','type':'currency','length':0,'precision':18,'scale':2,'digits':0},"
        + "{'name':'Probability','label':'Probability (%)','type':'percent','length':0,'precision':3,'scale':0,"
        + " 'digits':0},"
        + "{'name':'Seats__c','label':'Seats','type':'int','length':0,'precision':0,'scale':0,'digits':9},"
        + "{'name':'StageName','label':'Stage','type':'picklist','length':255,'restrictedPicklist':true},"
        + "{'name':'LeadSource','label':'Lead Source','type':'picklist','length':255,'restrictedPicklist':false},"
        + "{'name':'Legacy__c','label':'Legacy','type':'double'}]}"));
    SObjectDescribe d = client.describe("Opportunity");

    FieldDescribe amount = d.field("Amount").orElseThrow();
    assertThat(List.of(amount.precision(), amount.scale(), amount.digits())).containsExactly(18, 2, 0);
    FieldDescribe probability = d.field("Probability").orElseThrow();
    assertThat(List.of(probability.precision(), probability.scale())).containsExactly(3, 0);
    FieldDescribe seats = d.field("Seats__c").orElseThrow();
    assertThat(List.of(seats.precision(), seats.scale(), seats.digits())).containsExactly(0, 0, 9);
    assertThat(d.field("StageName").orElseThrow().restrictedPicklist()).isTrue();
    assertThat(d.field("LeadSource").orElseThrow().restrictedPicklist()).isFalse();
    FieldDescribe legacy = d.field("Legacy__c").orElseThrow();
    assertThat(List.of(legacy.length(), legacy.precision(), legacy.scale(), legacy.digits()))
        .as("absent sizes read as 0 (not reported)").containsExactly(0, 0, 0, 0);
    assertThat(legacy.restrictedPicklist()).isFalse();
  }

  @Test
  void aFieldDescribeRefusesNegativeSizes() {
    assertThatThrownBy(() -> new FieldDescribe("Amount", "Amount", "currency", true, true, true, false, 0, 18, -2, 0,
        List.of(), false, List.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("field Amount")
        .hasMessageContaining("must not be negative");
  }

  @Test
  void retrieveRejectsBadNamesBeforeAnyRequest() {
    assertThatThrownBy(() -> client.retrieve("Opportunity/../User", OPP))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sObjectType");
    assertThatThrownBy(() -> client.retrieve("Opportunity", OPP, List.of("Name", "Id,Owner.Email")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fields");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void describeIsTyped() throws Exception {
    enqueueJson(200, json("{'name':'Opportunity','label':'Opportunity','keyPrefix':'006','queryable':true,"
        + "'createable':true,'updateable':true,'childRelationships':[],'fields':["
        + "{'name':'Id','label':'Opportunity ID','type':'id','updateable':false,'createable':false,'nillable':false,"
        + " 'calculated':false,'length':18,'referenceTo':[],'picklistValues':[]},"
        + "{'name':'StageName','label':'Stage','type':'picklist','updateable':true,'createable':true,'nillable':false,"
        + " 'calculated':false,'length':255,'referenceTo':[],'restrictedPicklist':true,'picklistValues':["
        + "   {'value':'Prospecting','label':'Prospecting','active':true,'defaultValue':true,'validFor':null},"
        + "   {'value':'Old','label':'Old stage','active':false,'defaultValue':false}]},"
        + "{'name':'AccountId','label':'Account ID','type':'reference','updateable':true,'createable':true,"
        + " 'nillable':true,'calculated':false,'length':18,'referenceTo':['Account'],'picklistValues':[]}]}"));
    SObjectDescribe d = client.describe("Opportunity");

    assertThat(take().getUrl().encodedPath()).isEqualTo("/services/data/v60.0/sobjects/Opportunity/describe");
    assertThat(d.name()).isEqualTo("Opportunity");
    assertThat(d.keyPrefix()).contains("006");
    assertThat(d.fields()).extracting(FieldDescribe::name).containsExactly("Id", "StageName", "AccountId");
    FieldDescribe stage = d.field("stagename").orElseThrow();
    assertThat(stage.type()).isEqualTo("picklist");
    assertThat(stage.label()).isEqualTo("Stage");
    assertThat(stage.updateable()).isTrue();
    assertThat(stage.nillable()).isFalse();
    assertThat(stage.length()).isEqualTo(255);
    assertThat(stage.picklistValues()).containsExactly(
        new PicklistValue("Prospecting", "Prospecting", true, true),
        new PicklistValue("Old", "Old stage", false, false));
    assertThat(stage.allowsPicklistValue("Prospecting")).isTrue();
    assertThat(stage.allowsPicklistValue("Old")).isFalse();
    assertThat(d.field("Id").orElseThrow().updateable()).isFalse();
    assertThat(d.field("AccountId").orElseThrow().referenceTo()).containsExactly("Account");
    assertThat(d.field("Nope")).isEmpty();
  }

  @Test
  void createPostsTheFieldsAndReturnsTheNewId() throws Exception {
    enqueueJson(201, json("{'id':'006000000000002AAA','success':true,'errors':[]}"));
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("Name", "New deal");
    fields.put("Amount", new BigDecimal("1000.50"));
    fields.put("CloseDate", LocalDate.of(2026, 6, 30));
    fields.put("StageName", "Prospecting");
    SalesforceId id = client.create("Opportunity", fields);

    RecordedRequest request = take();
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getUrl().encodedPath()).isEqualTo("/services/data/v60.0/sobjects/Opportunity");
    assertThat(request.getHeaders().get("Content-Type")).startsWith("application/json");
    assertThat(body(request)).isEqualTo(json(
        "{'Name':'New deal','Amount':1000.50,'CloseDate':'2026-06-30','StageName':'Prospecting'}"));
    assertThat(id).isEqualTo(SalesforceId.of("006000000000002"));
  }

  @Test
  void updatePatchesOnlyTheChangedFieldsAndAccepts204() throws Exception {
    server.enqueue(new MockResponse.Builder().code(204).build());
    Map<String, Object> changed = new LinkedHashMap<>();
    changed.put("StageName", "Negotiation");
    changed.put("NextStep", null);
    client.update("Opportunity", OPP, changed);

    RecordedRequest request = take();
    assertThat(request.getMethod()).isEqualTo("PATCH");
    assertThat(request.getUrl().encodedPath()).isEqualTo("/services/data/v60.0/sobjects/Opportunity/006000000000001AAA");
    assertThat(body(request)).isEqualTo(json("{'StageName':'Negotiation','NextStep':null}"));
  }

  @Test
  void updateRejectsAnEmptyChangeAndUnsupportedValuesBeforeAnyRequest() {
    assertThatThrownBy(() -> client.update("Opportunity", OPP, Map.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("changedFields is empty");
    assertThatThrownBy(() -> client.update("Opportunity", OPP, Map.of("Amount", new Object())))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("changedFields.Amount");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void compositeSendsReferencesAndReportsAFailedSubrequestUnderAllOrNone() throws Exception {
    enqueueJson(200, json("{'compositeResponse':["
        + "{'body':[{'errorCode':'PROCESSING_HALTED','message':'The transaction was rolled back since another"
        + " operation in the same transaction failed.'}],'httpHeaders':{},'httpStatusCode':400,'referenceId':'audit'},"
        + "{'body':[{'message':'Stage: bad value for restricted picklist field: Nope','errorCode':"
        + "'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST','fields':['StageName']}],'httpHeaders':{},"
        + "'httpStatusCode':400,'referenceId':'upd'},"
        + "{'body':[{'errorCode':'PROCESSING_HALTED','message':'The transaction was rolled back since another"
        + " operation in the same transaction failed.'}],'httpHeaders':{},'httpStatusCode':400,'referenceId':'mark'}]}"));
    CompositeRequest request = CompositeRequest.builder()
        .allOrNone(true)
        .add(CompositeSubrequest.create("audit", "Cleanup_Audit__c",
            Map.of("Record_Id__c", OPP.to18())))
        .add(CompositeSubrequest.update("upd", "Opportunity", OPP, Map.of("StageName", "Nope")))
        .add(CompositeSubrequest.updateByReference("mark", "Cleanup_Audit__c", "@{audit.id}",
            Map.of("Status__c", "Done")))
        .build();
    CompositeResponse response = client.composite(request);

    RecordedRequest sent = take();
    assertThat(sent.getUrl().encodedPath()).isEqualTo("/services/data/v60.0/composite");
    assertThat(body(sent)).isEqualTo(json("{'allOrNone':true,'compositeRequest':["
        + "{'method':'POST','url':'/services/data/v60.0/sobjects/Cleanup_Audit__c','referenceId':'audit',"
        + "'body':{'Record_Id__c':'006000000000001AAA'}},"
        + "{'method':'PATCH','url':'/services/data/v60.0/sobjects/Opportunity/006000000000001AAA',"
        + "'referenceId':'upd','body':{'StageName':'Nope'}},"
        + "{'method':'PATCH','url':'/services/data/v60.0/sobjects/Cleanup_Audit__c/@{audit.id}',"
        + "'referenceId':'mark','body':{'Status__c':'Done'}}]}"));
    assertThat(response.allSucceeded()).isFalse();
    assertThat(response.result("audit").orElseThrow().errorCode()).isEqualTo("PROCESSING_HALTED");
    CompositeSubresponse upd = response.result("upd").orElseThrow();
    assertThat(upd.httpStatus()).isEqualTo(400);
    assertThat(upd.succeeded()).isFalse();
    assertThat(upd.errors()).singleElement().satisfies(e -> {
      assertThat(e.errorCode()).isEqualTo("INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST");
      assertThat(e.fields()).containsExactly("StageName");
    });
    assertThat(response.failures()).extracting(CompositeSubresponse::referenceId).containsExactly("audit", "upd",
        "mark");
  }

  @Test
  void compositeSuccessExposesCreatedIdsAndEmptyBodies() {
    enqueueJson(200, json("{'compositeResponse':["
        + "{'body':{'id':'a0D30000001n7PiEAI','success':true,'errors':[]},'httpHeaders':{'Location':'/x'},"
        + "'httpStatusCode':201,'referenceId':'audit'},"
        + "{'body':null,'httpHeaders':{},'httpStatusCode':204,'referenceId':'upd'}]}"));
    CompositeResponse response = client.composite(CompositeRequest.builder().allOrNone(true)
        .add(CompositeSubrequest.create("audit", "Cleanup_Audit__c", Map.of("Name", "x")))
        .add(CompositeSubrequest.update("upd", "Opportunity", OPP, Map.of("StageName", "Closed Won")))
        .build());

    assertThat(response.allSucceeded()).isTrue();
    assertThat(response.result("audit").orElseThrow().createdId()).contains(SalesforceId.of("a0D30000001n7Pi"));
    assertThat(response.result("audit").orElseThrow().httpHeaders()).containsEntry("Location", "/x");
    assertThat(response.result("upd").orElseThrow().body()).isEmpty();
  }

  @Test
  void compositeValidatesBeforeAnyRequest() {
    assertThatThrownBy(() -> CompositeRequest.builder()
        .add(CompositeSubrequest.create("a", "Account", Map.of("Name", "x")))
        .add(CompositeSubrequest.create("a", "Account", Map.of("Name", "y"))).build())
        .hasMessageContaining("referenceId 'a' is used twice");
    assertThatThrownBy(() -> CompositeRequest.builder().build()).hasMessageContaining("1 to 25");
    assertThatThrownBy(() -> CompositeSubrequest.create("1st", "Account", Map.of("Name", "x")))
        .hasMessageContaining("referenceId '1st'");
    assertThatThrownBy(() -> CompositeSubrequest.updateByReference("r", "Account", "@{x.id}/../../User", Map.of("A", 1)))
        .hasMessageContaining("idOrReference");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void compositeQueryIsGuardedAndUrlEncoded() throws Exception {
    enqueueJson(200, json("{'compositeResponse':[{'body':{'totalSize':1,'done':true,'records':[]},"
        + "'httpHeaders':{},'httpStatusCode':200,'referenceId':'q'}]}"));
    client.composite(CompositeRequest.builder()
        .add(CompositeSubrequest.query("q", io.revops.salesforce.soql.SoqlGuard.defaults()
            .check("SELECT Id FROM Account WHERE Name = 'A&B' LIMIT 10")))
        .build());
    assertThat(body(take())).contains(
        "'url':'/services/data/v60.0/query?q=SELECT+Id+FROM+Account+WHERE+Name+%3D+%27A%26B%27+LIMIT+10'"
            .replace('\'', '"'));
  }

  @Test
  void userInfoAndLimitsAreTyped() throws Exception {
    enqueueJson(200, json("{'sub':'https://login.salesforce.com/id/00D/005','user_id':'005000000000001AAA',"
        + "'organization_id':'00D000000000001AAA','preferred_username':'ana@acme.com','email':'ana@acme.com',"
        + "'name':'Ana Lima','zoneinfo':'Europe/Lisbon'}"));
    UserInfo me = client.userInfo();
    assertThat(take().getUrl().encodedPath()).isEqualTo("/services/oauth2/userinfo");
    assertThat(me).isEqualTo(new UserInfo("ana@acme.com", "ana@acme.com", "005000000000001AAA", "Ana Lima",
        "00D000000000001AAA"));

    enqueueJson(200, json("{'ConcurrentAsyncGetReportInstances':{'Max':200,'Remaining':200},"
        + "'DailyApiRequests':{'Max':15000,'Remaining':14998,'Ant Migration Tool':{'Max':0,'Remaining':0}}}"));
    OrgLimits limits = client.limits();
    assertThat(take().getUrl().encodedPath()).isEqualTo("/services/data/v60.0/limits");
    assertThat(limits.dailyApiRequests()).contains(new OrgLimit(15000, 14998));
    assertThat(limits.dailyApiRequests().orElseThrow().used()).isEqualTo(2);
  }

  @Test
  void dryRunShowsThePlanWithTheTokenRedactedAndSendsNothing() {
    RequestPlan plan = client.plan().update("Opportunity", OPP, Map.of("StageName", "Negotiation"));

    assertThat(plan.method()).isEqualTo("PATCH");
    assertThat(plan.url()).isEqualTo(server.url("/services/data/v60.0/sobjects/Opportunity/006000000000001AAA").toString());
    assertThat(plan.headers()).containsEntry("Authorization", "Bearer ***")
        .containsEntry("Content-Type", "application/json; charset=utf-8");
    assertThat(plan.body()).contains(json("{'StageName':'Negotiation'}"));
    assertThat(plan.toString()).doesNotContain(TOKEN);

    RequestPlan query = client.plan().query(QueryTest.OPPS);
    assertThat(query.method()).isEqualTo("GET");
    assertThat(query.url()).contains("/services/data/v60.0/query?q=SELECT%20Id");
    assertThat(query.body()).isEmpty();
    assertThat(server.getRequestCount()).isZero();
  }
}
