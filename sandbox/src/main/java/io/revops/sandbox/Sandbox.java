package io.revops.sandbox;

import io.revops.sandbox.internal.FaultState;
import io.revops.sandbox.internal.clari.ClariApi;
import io.revops.sandbox.internal.clari.ClariModel;
import io.revops.sandbox.internal.data.SampleOrg;
import io.revops.sandbox.internal.http.Handler;
import io.revops.sandbox.internal.http.HttpFront;
import io.revops.sandbox.internal.salesforce.Schema;
import io.revops.sandbox.internal.salesforce.rest.SalesforceApi;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A local emulator of the Salesforce and Clari endpoints revops-mcp calls, with seeded sample data of a
 * fictional company, served over HTTP on a free loopback port inside this process. Point the real SDK
 * clients at {@link #salesforceInstanceUrl()} and {@link #clariBaseUrl()} with any non-empty token.
 *
 * <pre>{@code
 * try (Sandbox sandbox = Sandbox.start()) {
 *   SalesforceClient sf = SalesforceClient.builder()
 *       .instanceUrl(sandbox.salesforceInstanceUrl()).accessToken(Sandbox.SALESFORCE_ACCESS_TOKEN).build();
 *   ClariClient clari = ClariClient.builder()
 *       .baseUrl(sandbox.clariBaseUrl()).apiToken(Sandbox.CLARI_API_TOKEN).build();
 * }
 * }</pre>
 *
 * <p>Salesforce queries are evaluated over the data (not matched as text); writes change it, so the next
 * read sees them. Anything outside the emulated subset is answered with the real service's error shape.
 * {@link #faults()} injects failures; {@link #data()} exposes the data for expected answers. Thread-safe.
 */
public final class Sandbox implements AutoCloseable {
  /** A Salesforce access token for the sandbox (any non-empty bearer token is accepted). */
  public static final String SALESFORCE_ACCESS_TOKEN = "00DSb0000000001!sandbox-session";
  /** A Clari API token for the sandbox (any non-empty {@code apikey} is accepted). */
  public static final String CLARI_API_TOKEN = "sandbox-clari-api-token";

  private final SandboxOptions options;
  private final HttpFront front;
  private final SalesforceApi salesforce;
  private final Faults faults;
  private final SampleData data;

  private Sandbox(SandboxOptions options, HttpFront front, SalesforceApi salesforce, Faults faults, SampleData data) {
    this.options = options;
    this.front = front;
    this.salesforce = salesforce;
    this.faults = faults;
    this.data = data;
  }

  /** Starts a sandbox with {@link SandboxOptions#defaults()}. */
  public static Sandbox start() {
    return start(SandboxOptions.defaults());
  }

  /** Generates the sample data for {@code options} and starts serving it on 127.0.0.1. */
  public static Sandbox start(SandboxOptions options) {
    Objects.requireNonNull(options, "options");
    Instant now = options.clock().instant();
    SampleOrg org = SampleOrg.generate(Schema.sampleOrg(), now, options.seed());
    ClariModel clariModel = ClariModel.build(org, now, options.seed());
    FaultState faultState = new FaultState();
    SalesforceApi salesforce = new SalesforceApi(org.store(), options.clock(), faultState,
        new SalesforceApi.Settings(options.queryPageSize(), options.dailyApiLimit(), org.runningUserId(),
            org.organizationId()));
    ClariApi clari = new ClariApi(clariModel, org.store(), options.clock(), faultState,
        new ClariApi.Settings(options.exportConcurrentLimit(), options.exportMonthlyQuota(),
            options.exportQueueTime(), options.exportRunTime()));
    Map<String, Handler> routes = new LinkedHashMap<>();
    routes.put("/services/", salesforce);
    routes.put("/v4/", clari);
    HttpFront front = HttpFront.start(routes);
    SampleData data = new SampleData(org.store(), org,
        new ClariSampleData(clariModel, org.store(), options.clock()));
    return new Sandbox(options, front, salesforce, new Faults(faultState), data);
  }

  /** The Salesforce instance URL, {@code http://127.0.0.1:<port>} (REST under {@code /services/data/vNN.N}). */
  public String salesforceInstanceUrl() {
    return "http://127.0.0.1:" + front.port();
  }

  /** Clari's base URL, {@code http://127.0.0.1:<port>/v4}. */
  public String clariBaseUrl() {
    return "http://127.0.0.1:" + front.port() + "/v4";
  }

  /** The port both services listen on. */
  public int port() {
    return front.port();
  }

  /** The fault switches. */
  public Faults faults() {
    return faults;
  }

  /** The data, for expected answers. */
  public SampleData data() {
    return data;
  }

  public SandboxOptions options() {
    return options;
  }

  /** Salesforce API calls served so far (what {@code Sforce-Limit-Info} reports as used). */
  public long salesforceApiCalls() {
    return salesforce.apiCalls();
  }

  /** Stops serving; safe to call twice. */
  @Override
  public void close() {
    front.close();
  }

  @Override
  public String toString() {
    return "Sandbox[" + salesforceInstanceUrl() + ", sample data of " + data.companyName() + "]";
  }
}
