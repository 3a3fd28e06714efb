package io.revops.mcp.fakes;

import static io.revops.mcp.fakes.Routes.json;
import static io.revops.mcp.fakes.Routes.q;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * Clari and Salesforce fakes answering one successful call of every tool, plus two export jobs: a slow
 * one ({@value #SLOW_TAB}: STARTED for {@value #SLOW_POLLS} status checks, then DONE) that drives
 * progress notifications, and one that never finishes ({@value #STUCK_TAB}) for cancellation, whose
 * {@code PATCH} (cancel) opens {@link #cancelled}.
 */
public final class EndToEndFakes {
  public static final String SLOW_TAB = "slow_tab";
  public static final String STUCK_TAB = "stuck_tab";
  static final int SLOW_POLLS = 3;
  public static final String ACCOUNT = "001000000000001AAA";
  public static final String OPPORTUNITY = "006000000000001AAA";
  public static final String CONTACT = "003000000000001AAA";
  public static final String LEAD = "00Q000000000001EAA";
  static final String AUDIT_ID = "a0X000000000001EAA";

  /** Opens when the stuck job was cancelled at Clari. */
  public final CountDownLatch cancelled = new CountDownLatch(1);
  private final AtomicInteger slowPolls = new AtomicInteger();

  /** Clari: the healthy org plus the two export jobs. */
  public Routes clari() {
    MockResponse notOffered = json(404, "{\"message\":\"no route\"}");
    return FakeClari.healthy()
        .on("GET", "/v4/forecast/" + SLOW_TAB, notOffered)
        .on("GET", "/v4/forecast/" + STUCK_TAB, notOffered)
        .on("POST", "/v4/export/forecast/" + SLOW_TAB, json(200, "{\"jobId\":\"job-slow\"}"))
        .on("POST", "/v4/export/forecast/" + STUCK_TAB, json(200, "{\"jobId\":\"job-stuck\"}"))
        .on("GET", "/v4/export/jobs/job-slow", request -> true,
            request -> status("job-slow", slowPolls.incrementAndGet() > SLOW_POLLS ? "DONE" : "STARTED"))
        .on("GET", "/v4/export/jobs/job-slow/results", json(200, FakeClari.FORECAST))
        .on("GET", "/v4/export/jobs/job-stuck", status("job-stuck", "STARTED"))
        .on("PATCH", "/v4/export/jobs/job-stuck", request -> true, request -> {
          cancelled.countDown();
          return json(200, "{\"status\":\"CANCELLED\",\"successful\":true}");
        });
  }

  private static MockResponse status(String jobId, String status) {
    return json(200, q("{'job':{'jobId':'" + jobId + "','status':'" + status + "','module':'FORECAST'}}"));
  }

  /** Salesforce: every read and write the tools make, answered by path and by the SOQL's shape. */
  public Routes salesforce() {
    String data = FakeSalesforce.DATA;
    return FakeSalesforce.healthy()
        .on("GET", data + "sobjects/Account/" + ACCOUNT, json(200, record("Account", ACCOUNT,
            "'Name':'Acme Corp','Industry':'Manufacturing','AnnualRevenue':125000000")))
        .on("GET", data + "sobjects/Contact/" + CONTACT, json(200, record("Contact", CONTACT,
            "'FirstName':'Ada','LastName':'Lovelace','Title':'CFO','Email':'ada@acme.example'")))
        .on("GET", data + "sobjects/Lead/" + LEAD, json(200, record("Lead", LEAD,
            "'Company':'Globex','Status':'Open - Not Contacted','LeadSource':'Web'")))
        .on("GET", data + "sobjects/Opportunity/" + OPPORTUNITY, json(200, record("Opportunity", OPPORTUNITY,
            "'NextStep':'Send pricing','SystemModstamp':'2026-05-04T09:58:00.000+0000'")))
        .on("GET", data + "query", request -> true, EndToEndFakes::query)
        .on("POST", data + "composite", request -> true, EndToEndFakes::composite);
  }

  private static String record(String type, String id, String fields) {
    return q("{'attributes':{'type':'" + type + "'},'Id':'" + id + "'," + fields + "}");
  }

  private static String page(String type, String... records) {
    StringBuilder body = new StringBuilder();
    for (String record : records) {
      body.append(body.length() == 0 ? "" : ",").append("{'attributes':{'type':'").append(type).append("'},")
          .append(record.substring(1));
    }
    return q("{'totalSize':" + records.length + ",'done':true,'records':[" + body + "]}");
  }

  private static MockResponse query(RecordedRequest request) {
    String soql = request.getUrl().queryParameter("q");
    if (soql == null) {
      return json(400, FakeSalesforce.error("MALFORMED_QUERY", "no q"));
    }
    if (soql.contains("FROM FieldDefinition")) {
      return json(200, page("FieldDefinition", "{'QualifiedApiName':'StageName'}", "{'QualifiedApiName':'Amount'}",
          "{'QualifiedApiName':'CloseDate'}"));
    }
    if (soql.contains("FROM OpportunityFieldHistory")) {
      return json(200, page("OpportunityFieldHistory", "{'OpportunityId':'" + OPPORTUNITY + "','Opportunity':"
          + "{'attributes':{'type':'Opportunity'},'Name':'Acme renewal'},'Field':'StageName','OldValue':'Proposal',"
          + "'NewValue':'Commit','CreatedDate':'2026-05-06T16:20:00.000+0000','CreatedBy':{'attributes':"
          + "{'type':'User'},'Name':'Ada Admin'}}"));
    }
    if (soql.contains("FROM Organization")) {
      return json(200, page("Organization", "{'DefaultCurrencyIsoCode':'USD'}"));
    }
    if (soql.contains("SUM(Amount)")) {
      return json(200, page("AggregateResult", "{'StageName':'Prospecting','recordCount':3,'totalAmount':1000.5}",
          "{'StageName':'Commit','recordCount':2,'totalAmount':500000}"));
    }
    if (soql.contains("LastStageChangeDate FROM Opportunity")) {
      return json(200, page("Opportunity", "{'Id':'" + OPPORTUNITY + "','Name':'Acme renewal','StageName':"
          + "'Prospecting','Amount':25000,'CloseDate':'2026-12-31','Owner':{'attributes':{'type':'User'},'Name':"
          + "'Dana Reyes'},'CreatedDate':'2020-01-02T09:00:00.000+0000','LastStageChangeDate':"
          + "'2020-02-01T09:00:00.000+0000'}"));
    }
    if (soql.contains("LastActivityDate, Owner.Name FROM Opportunity")) {
      return json(200, page("Opportunity", "{'Id':'" + OPPORTUNITY + "','Name':'Acme renewal','AccountId':'" + ACCOUNT
          + "','Account':{'attributes':{'type':'Account'},'Name':'Acme Corp'},'Amount':90000,'CloseDate':"
          + "'2026-06-20','LastActivityDate':null,'Owner':{'attributes':{'type':'User'},'Name':'Dana Reyes'}}"));
    }
    if (soql.contains("FROM Event")) {
      return json(200, page("AggregateResult"));
    }
    if (soql.contains("FIELDS(ALL)")) {
      return json(200, page("Opportunity", "{'Id':'" + OPPORTUNITY + "','Name':'Acme renewal','StageName':'Commit',"
          + "'Amount':90000,'CloseDate':'2026-06-20','Owner':{'attributes':{'type':'User'},'Name':'Dana Reyes',"
          + "'Email':'dana@acme.example'}}"));
    }
    return json(200, page("Account", "{'Id':'" + ACCOUNT + "','Name':'Acme Corp'}",
        "{'Id':'001000000000002AAA','Name':'Globex'}"));
  }

  private static MockResponse composite(RecordedRequest request) {
    String body = request.getBody() == null ? "" : request.getBody().utf8();
    if (body.contains("ContentNote")) {
      return json(200, q("{'compositeResponse':[{'body':{'id':'069000000000001AAA','success':true,'errors':[]},"
          + "'httpHeaders':{},'httpStatusCode':201,'referenceId':'note'},{'body':{'id':'06A000000000001EAA',"
          + "'success':true,'errors':[]},'httpHeaders':{},'httpStatusCode':201,'referenceId':'link'}]}"));
    }
    return json(200, q("{'compositeResponse':[{'body':{'totalSize':1,'done':true,'records':[{'attributes':"
        + "{'type':'Opportunity'},'Id':'" + OPPORTUNITY + "','NextStep':'Send pricing','SystemModstamp':"
        + "'2026-05-04T09:58:00.000+0000'}]},'httpHeaders':{},'httpStatusCode':200,'referenceId':'old'},"
        + "{'body':{'id':'" + AUDIT_ID + "','success':true,'errors':[]},'httpHeaders':{},'httpStatusCode':201,"
        + "'referenceId':'audit'},{'body':null,'httpHeaders':{},'httpStatusCode':204,'referenceId':'update'}]}"));
  }
}
