package io.revops.sandbox;

import io.revops.clari.ClariClient;
import io.revops.salesforce.QueryPage;
import io.revops.salesforce.SObjectRecord;
import io.revops.salesforce.SalesforceClient;
import io.revops.salesforce.soql.SoqlGuard;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** A sandbox on a fixed virtual clock with the real SDK clients pointed at it. */
final class SandboxFixture implements AutoCloseable {
  /** A Thursday in the middle of Q2 2026, mid-afternoon UTC. */
  static final Instant START = Instant.parse("2026-05-14T15:30:00Z");

  final VirtualTime time;
  final Sandbox sandbox;
  final SalesforceClient salesforce;
  final ClariClient clari;
  final SoqlGuard guard = SoqlGuard.builder().maxLimit(2000).build();
  private final OkHttpClient http = new OkHttpClient();

  SandboxFixture() {
    this(SandboxOptions.builder());
  }

  SandboxFixture(SandboxOptions.Builder options) {
    this.time = new VirtualTime(START);
    this.sandbox = Sandbox.start(options.clock(time).build());
    this.salesforce = SalesforceClient.builder().instanceUrl(sandbox.salesforceInstanceUrl())
        .accessToken(Sandbox.SALESFORCE_ACCESS_TOKEN).clock(time).sleeper(time::sleep).build();
    this.clari = ClariClient.builder().baseUrl(sandbox.clariBaseUrl()).apiToken(Sandbox.CLARI_API_TOKEN)
        .clock(time).sleeper(time).build();
  }

  SampleData data() {
    return sandbox.data();
  }

  /** All records of a guarded query, following nextRecordsUrl. */
  List<SObjectRecord> queryAll(String soql) {
    List<SObjectRecord> records = new ArrayList<>();
    QueryPage page = salesforce.query(guard.check(soql));
    records.addAll(page.records());
    while (page.next().isPresent()) {
      page = salesforce.nextPage(page.next().get());
      records.addAll(page.records());
    }
    return records;
  }

  /** A raw answer, for checking wire shapes the SDKs hide. */
  record Raw(int code, String body, okhttp3.Headers headers) {}

  Raw get(String pathAndQuery, String... headers) {
    return send("GET", pathAndQuery, null, headers);
  }

  Raw send(String method, String pathAndQuery, String json, String... headers) {
    Request.Builder request = new Request.Builder().url(sandbox.salesforceInstanceUrl() + pathAndQuery)
        .method(method, json == null ? null : RequestBody.create(json, MediaType.get("application/json")));
    for (int i = 0; i + 1 < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    try (Response response = http.newCall(request.build()).execute()) {
      return new Raw(response.code(), response.body().string(), response.headers());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A raw Salesforce GET with the sandbox token. */
  Raw sfGet(String pathAndQuery) {
    return get(pathAndQuery, "Authorization", "Bearer " + Sandbox.SALESFORCE_ACCESS_TOKEN);
  }

  @Override
  public void close() {
    sandbox.close();
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }
}
