package io.revops.core.records;

import static io.revops.core.query.MockSalesforceOrg.id18;
import static io.revops.core.query.MockSalesforceOrg.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.revops.core.CrmObject;
import io.revops.core.RevOpsArgumentException;
import io.revops.core.plan.DryRunPlan;
import io.revops.core.query.MockSalesforceOrg;
import io.revops.salesforce.SalesforceApiException;
import io.revops.salesforce.soql.SoqlGuard;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RecordServiceTest {
  static final String ACCOUNT = "001M000000qfPyS";
  static final String OPPORTUNITY = "006Dn00000A1b2c";
  static final String CONTACT = "003Dn00000C3d4e";
  static final String LEAD = "00QDn00000L5f6g";
  static final String OWNER = "005Dn00000U7h8i";
  static final String NOT_FOUND = "[{'message':'The requested resource does not exist','errorCode':'NOT_FOUND'}]";

  MockSalesforceOrg org;
  RecordService service;

  @BeforeEach
  void start() throws Exception {
    org = new MockSalesforceOrg();
    service = new RecordService(org.client(), SoqlGuard.defaults());
  }

  @AfterEach
  void stop() {
    org.close();
  }

  @Test
  void accountIsRetrievedWithEveryPopulatedFieldAndNoAttributes() throws Exception {
    org.enqueue("{'attributes':{'type':'Account','url':'/services/data/v60.0/sobjects/Account/" + id18(ACCOUNT) + "'},"
        + "'Id':'" + id18(ACCOUNT) + "','Name':'Acme','Industry':null,'AnnualRevenue':5000000,"
        + "'BillingAddress':{'city':'Lyon','country':'France','street':null}}");

    CrmRecord account = service.getAccount(ACCOUNT).orElseThrow();

    RecordedRequest request = org.take();
    assertThat(request.getMethod()).isEqualTo("GET");
    assertThat(request.getUrl().encodedPath()).isEqualTo("/services/data/v60.0/sobjects/Account/" + id18(ACCOUNT));
    assertThat(request.getUrl().query()).isNull();
    assertThat(account.object()).isEqualTo(CrmObject.ACCOUNT);
    assertThat(account.id().to18()).isEqualTo(id18(ACCOUNT));
    assertThat(account.fields()).containsOnlyKeys("Id", "Name", "AnnualRevenue", "BillingAddress");
    assertThat(account.fields().get("BillingAddress").toString()).isEqualTo("{city=Lyon, country=France}");
    assertThat(account.owner()).isEmpty();
    assertThat(org.requestCount()).isEqualTo(1);
  }

  @Test
  void opportunityAndItsOwnerComeFromOneGuardedQuery() throws Exception {
    org.enqueue(page("{'attributes':{'type':'Opportunity'},'Id':'" + id18(OPPORTUNITY) + "','Name':'Acme renewal',"
        + "'StageName':'Negotiation','OwnerId':'" + id18(OWNER) + "','Description':null,"
        + "'Owner':{'attributes':{'type':'User'},'Name':'Dana Reyes','Email':'dana@example.com'}}"));

    CrmRecord opportunity = service.getOpportunity(OPPORTUNITY).orElseThrow();

    assertThat(org.takeSoql()).isEqualTo("SELECT FIELDS(ALL), Owner.Name, Owner.Email FROM Opportunity WHERE Id = '"
        + id18(OPPORTUNITY) + "' LIMIT 1");
    assertThat(org.requestCount()).isEqualTo(1);
    assertThat(opportunity.fields()).containsOnlyKeys("Id", "Name", "StageName", "OwnerId");
    assertThat(opportunity.owner()).contains(new RecordOwner("Dana Reyes", Optional.of("dana@example.com")));
  }

  @Test
  void onApiVersionsWithoutFieldsTheOwnerIsRetrievedSeparately() throws Exception {
    try (MockSalesforceOrg old = new MockSalesforceOrg("v50.0")) {
      old.enqueue("{'attributes':{'type':'Opportunity'},'Id':'" + id18(OPPORTUNITY) + "','OwnerId':'" + id18(OWNER) + "'}");
      old.enqueue("{'attributes':{'type':'User'},'Id':'" + id18(OWNER) + "','Name':'Dana Reyes','Email':'dana@example.com'}");

      CrmRecord opportunity = new RecordService(old.client(), SoqlGuard.defaults()).getOpportunity(OPPORTUNITY).orElseThrow();

      assertThat(old.take().getUrl().encodedPath()).isEqualTo("/services/data/v50.0/sobjects/Opportunity/" + id18(OPPORTUNITY));
      RecordedRequest user = old.take();
      assertThat(user.getUrl().encodedPath()).isEqualTo("/services/data/v50.0/sobjects/User/" + id18(OWNER));
      assertThat(user.getUrl().queryParameter("fields")).isEqualTo("Name,Email");
      assertThat(opportunity.owner()).contains(new RecordOwner("Dana Reyes", Optional.of("dana@example.com")));
    }
  }

  @Test
  void contactAndLeadAreRetrievedFromTheirOwnObjects() throws Exception {
    org.enqueue("{'attributes':{'type':'Contact'},'Id':'" + id18(CONTACT) + "','LastName':'Okafor'}");
    org.enqueue("{'attributes':{'type':'Lead'},'Id':'" + id18(LEAD) + "','Company':'Initech','Status':'Open'}");

    CrmRecord contact = service.getContact(CONTACT).orElseThrow();
    CrmRecord lead = service.getLead(id18(LEAD)).orElseThrow();

    assertThat(org.take().getUrl().encodedPath()).endsWith("/sobjects/Contact/" + id18(CONTACT));
    assertThat(org.take().getUrl().encodedPath()).endsWith("/sobjects/Lead/" + id18(LEAD));
    assertThat(contact.fields()).containsEntry("LastName", "Okafor");
    assertThat(lead.object()).isEqualTo(CrmObject.LEAD);
    assertThat(lead.fields()).containsOnlyKeys("Id", "Company", "Status");
  }

  @Test
  void aMissingOrHiddenRecordIsEmpty() {
    org.enqueue(404, NOT_FOUND);
    org.enqueue(page());

    assertThat(service.getContact(CONTACT)).isEmpty();
    assertThat(service.getOpportunity(OPPORTUNITY)).isEmpty();
  }

  @Test
  void otherFailuresPropagate() {
    org.enqueue(403, "[{'message':'insufficient access rights on object id','errorCode':'INSUFFICIENT_ACCESS'}]");

    assertThatThrownBy(() -> service.getLead(LEAD)).isInstanceOfSatisfying(SalesforceApiException.class,
        e -> assertThat(e.kind()).isEqualTo(SalesforceApiException.Kind.PERMISSION_DENIED));
  }

  static Stream<Arguments> idsOfTheWrongObject() {
    Function<RecordService, Function<String, ?>> account = s -> s::getAccount;
    Function<RecordService, Function<String, ?>> opportunity = s -> s::getOpportunity;
    Function<RecordService, Function<String, ?>> contact = s -> s::getContact;
    Function<RecordService, Function<String, ?>> lead = s -> s::getLead;
    Function<RecordService, Function<String, ?>> planOpportunity = s -> s::planGetOpportunity;
    return Stream.of(
        Arguments.of(account, OPPORTUNITY, "accountId"),
        Arguments.of(opportunity, ACCOUNT, "opportunityId"),
        Arguments.of(contact, LEAD, "contactId"),
        Arguments.of(lead, CONTACT, "leadId"),
        Arguments.of(opportunity, "006Dn00000A1b2cAAA", "opportunityId"),
        Arguments.of(opportunity, "006' OR Id != '", "opportunityId"),
        Arguments.of(account, null, "accountId"),
        Arguments.of(planOpportunity, OWNER, "opportunityId"));
  }

  @ParameterizedTest
  @MethodSource("idsOfTheWrongObject")
  void idsOfAnotherObjectOrMalformedAreRefusedBeforeAnyRequest(
      Function<RecordService, Function<String, ?>> read, String id, String argument) {
    assertThatThrownBy(() -> read.apply(service).apply(id))
        .isInstanceOfSatisfying(RevOpsArgumentException.class, e -> assertThat(e.argument()).isEqualTo(argument))
        .hasMessageContaining(argument);
    assertThat(org.requestCount()).isZero();
  }

  @Test
  void plansShowTheRequestsAndSendNothing() {
    DryRunPlan contact = service.planGetContact(CONTACT);
    DryRunPlan opportunity = service.planGetOpportunity(OPPORTUNITY);
    DryRunPlan account = service.planGetAccount(ACCOUNT);
    DryRunPlan lead = service.planGetLead(LEAD);

    assertThat(contact.requests()).singleElement()
        .satisfies(r -> assertThat(r.url()).endsWith("/services/data/v60.0/sobjects/Contact/" + id18(CONTACT)));
    assertThat(account.requests()).singleElement().satisfies(r -> assertThat(r.url()).contains("/sobjects/Account/"));
    assertThat(lead.requests()).singleElement().satisfies(r -> assertThat(r.url()).contains("/sobjects/Lead/"));
    assertThat(opportunity.requests()).singleElement().satisfies(r -> {
      assertThat(r.url()).contains("/services/data/v60.0/query?q=SELECT%20FIELDS%28ALL%29");
      assertThat(r.headers().values()).noneMatch(v -> v.contains(MockSalesforceOrg.TOKEN));
    });
    assertThat(org.requestCount()).isZero();
  }
}
