package io.revops.core.query;

import io.revops.salesforce.SalesforceClient;
import io.revops.salesforce.SalesforceId;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A loopback MockWebServer playing a Salesforce org for revops-core tests, a client pointed at it, and
 * JSON builders for the answers the services read. Shared by the records, query and pipeline tests.
 */
public final class MockSalesforceOrg implements AutoCloseable {
  public static final String TOKEN = "00DSECRET!AQ4AQFakeTokenValue.never-print-me";

  private final MockWebServer server = new MockWebServer();
  private final SalesforceClient client;

  public MockSalesforceOrg() throws IOException {
    this("v60.0");
  }

  public MockSalesforceOrg(String apiVersion) throws IOException {
    server.start();
    client = SalesforceClient.builder().instanceUrl(server.url("/").toString()).accessToken(TOKEN)
        .apiVersion(apiVersion).build();
  }

  public SalesforceClient client() {
    return client;
  }

  public MockWebServer server() {
    return server;
  }

  public int requestCount() {
    return server.getRequestCount();
  }

  /** Enqueues a JSON answer; single quotes in {@code json} become double quotes. */
  public void enqueue(int code, String json) {
    server.enqueue(new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json")
        .body(json(json)).build());
  }

  public void enqueue(String json) {
    enqueue(200, json);
  }

  public RecordedRequest take() throws InterruptedException {
    RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
    if (request == null) {
      throw new AssertionError("no request reached the server");
    }
    return request;
  }

  /** The decoded SOQL of a {@code /query} request. */
  public static String soql(RecordedRequest request) {
    String q = request.getUrl().queryParameter("q");
    if (q == null) {
      throw new AssertionError("not a query request: " + request.getUrl());
    }
    return q;
  }

  /** The next request, which must be a query; its decoded SOQL. */
  public String takeSoql() throws InterruptedException {
    return soql(take());
  }

  public static String json(String singleQuoted) {
    return singleQuoted.replace('\'', '"');
  }

  /** A done query page holding {@code records} (each already JSON, single-quoted). */
  public static String page(String... records) {
    return "{'totalSize':" + records.length + ",'done':true,'records':[" + String.join(",", records) + "]}";
  }

  /** A {@code SELECT COUNT()} answer. */
  public static String count(long n) {
    return "{'totalSize':" + n + ",'done':true,'records':[]}";
  }

  /** The 18-character form of a 15-character fixture id. */
  public static String id18(String id15) {
    return SalesforceId.of(id15).to18();
  }

  /** A describe of Opportunity with these StageName values and extra fields ({@code name:type}). */
  public static String opportunityDescribe(List<String> stages, String... extraFields) {
    List<String> fields = new ArrayList<>();
    fields.add("{'name':'Id','label':'Opportunity ID','type':'id'}");
    fields.add("{'name':'StageName','label':'Stage','type':'picklist','picklistValues':["
        + stages.stream().map(s -> "{'value':'" + s + "','label':'" + s + "','active':true,'defaultValue':false}")
            .collect(Collectors.joining(",")) + "]}");
    fields.add("{'name':'Amount','label':'Amount','type':'currency'}");
    fields.add("{'name':'CloseDate','label':'Close Date','type':'date'}");
    for (String extra : extraFields) {
      String[] nameType = extra.split(":");
      fields.add("{'name':'" + nameType[0] + "','label':'" + nameType[0] + "','type':'" + nameType[1] + "'}");
    }
    return "{'name':'Opportunity','label':'Opportunity','keyPrefix':'006','queryable':true,'createable':true,"
        + "'updateable':true,'fields':[" + String.join(",", fields) + "]}";
  }

  @Override
  public void close() {
    server.close();
  }
}
