package io.revops.salesforce;

import io.revops.salesforce.internal.ApiRequest;
import io.revops.salesforce.internal.HttpExecutor;
import io.revops.salesforce.internal.Loopback;
import io.revops.salesforce.internal.Retries;
import io.revops.salesforce.internal.TokenInterceptor;
import io.revops.salesforce.soql.GuardedQuery;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * A typed client for the Salesforce REST API. Thread-safe; build one per org and share it.
 *
 * <p>Every operation validates its arguments before any request, sends the token only over https (or
 * plain http to a loopback host), refreshes the token once on 401 {@code INVALID_SESSION_ID} when the
 * {@link AccessTokenProvider} can, retries transient failures under its {@link RetryPolicy} (never a write
 * that may already have been processed), bounds every call by its {@link Timeouts}, and reports failures as
 * {@link SalesforceApiException}s. Queries
 * accept only a {@link GuardedQuery}, so nothing unguarded is ever sent. {@link #plan()} shows what any
 * operation would send, without sending it.
 *
 * <pre>{@code
 * SalesforceClient sf = SalesforceClient.builder()
 *     .instanceUrl("https://acme.my.salesforce.com")
 *     .tokenProvider(AccessTokenProvider.staticToken(System.getenv("SFDC_ACCESS_TOKEN")))
 *     .build();
 * QueryPage page = sf.query(SoqlGuard.defaults().check("SELECT Id, Name FROM Opportunity"));
 * }</pre>
 */
public final class SalesforceClient {
  /** The API version used unless the builder sets another. */
  public static final String DEFAULT_API_VERSION = "v60.0";

  private static final Pattern API_VERSION = Pattern.compile("v\\d{2}\\.\\d");

  private final HttpUrl instanceUrl;
  private final Timeouts timeouts;
  private final RetryPolicy retryPolicy;
  private final Endpoints endpoints;
  private final HttpExecutor executor;

  private SalesforceClient(Builder b) {
    this.instanceUrl = b.instanceUrl;
    this.timeouts = b.timeouts;
    this.retryPolicy = b.retryPolicy;
    this.endpoints = new Endpoints(b.apiVersion);
    OkHttpClient http = b.httpClient.newBuilder()
        .connectTimeout(timeouts.connect())
        .readTimeout(timeouts.read())
        .writeTimeout(timeouts.read())
        .callTimeout(timeouts.call())
        .followRedirects(false)
        .followSslRedirects(false)
        .addNetworkInterceptor(new TokenInterceptor())
        .build();
    this.executor = new HttpExecutor(http, b.tokenProvider, instanceUrl, timeouts,
        new Retries(retryPolicy, b.sleeper, b.clock, b.jitter));
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The configured instance URL, e.g. {@code https://acme.my.salesforce.com/}. */
  public String instanceUrl() {
    return instanceUrl.toString();
  }

  /** The API version, e.g. {@code v60.0}. */
  public String apiVersion() {
    return endpoints.apiVersion();
  }

  /** The timeouts every call runs under. */
  public Timeouts timeouts() {
    return timeouts;
  }

  /** How transient failures are retried. */
  public RetryPolicy retryPolicy() {
    return retryPolicy;
  }

  /** The daily API usage from the latest response's {@code Sforce-Limit-Info} header, if any arrived. */
  public Optional<ApiUsage> lastApiUsage() {
    return executor.lastApiUsage();
  }

  /** The dry-run view: the {@link RequestPlan} of any operation, without sending it. */
  public DryRun plan() {
    return new DryRun(endpoints, executor);
  }

  /** {@code GET /sobjects/{type}/{id}}: the record with all fields the user can read. */
  public SObjectRecord retrieve(String sObjectType, SalesforceId id) {
    return retrieve(sObjectType, id, List.of());
  }

  /** {@code GET /sobjects/{type}/{id}?fields=...}: the record with only {@code fields} (all when empty). */
  public SObjectRecord retrieve(String sObjectType, SalesforceId id, List<String> fields) {
    ApiRequest request = endpoints.retrieve(sObjectType, id, fields);
    return SObjectRecord.of(Responses.object(executor.execute(request), request.describe()), sObjectType);
  }

  /** {@code GET /sobjects/{type}/describe}: the object's fields and their types. */
  public SObjectDescribe describe(String sObjectType) {
    ApiRequest request = endpoints.describe(sObjectType);
    return Responses.describe(executor.execute(request), request.describe());
  }

  /** {@code POST /sobjects/{type}}: creates a record and returns its id. */
  public SalesforceId create(String sObjectType, Map<String, ?> fields) {
    ApiRequest request = endpoints.create(sObjectType, fields);
    return Responses.createdId(executor.execute(request), request.describe());
  }

  /**
   * {@code PATCH /sobjects/{type}/{id}} with only the fields to change; a {@code null} value clears a
   * field. The map's order is kept.
   */
  public void update(String sObjectType, SalesforceId id, Map<String, ?> changedFields) {
    executor.execute(endpoints.update(sObjectType, id, changedFields));
  }

  /**
   * {@code POST /composite}. Returns per-subrequest results; a failed subrequest does not throw (check
   * {@link CompositeResponse#allSucceeded()}), only a failure of the call itself does.
   */
  public CompositeResponse composite(CompositeRequest request) {
    ApiRequest apiRequest = endpoints.composite(request);
    return Responses.composite(executor.execute(apiRequest), apiRequest.describe());
  }

  /** {@code GET /query?q=...}: the first page of a guarded query. */
  public QueryPage query(GuardedQuery query) {
    ApiRequest request = endpoints.query(query);
    return Responses.queryPage(executor.execute(request), request.describe());
  }

  /** The page at {@code cursor}, resolved on this client's instance. */
  public QueryPage nextPage(QueryCursor cursor) {
    ApiRequest request = endpoints.nextPage(cursor);
    return Responses.queryPage(executor.execute(request), request.describe());
  }

  /**
   * The page at a {@code nextRecordsUrl}. Only a relative {@code /services/data/vNN.N/query/...} path is
   * accepted; anything else throws {@link IllegalArgumentException} before any request.
   */
  public QueryPage nextPage(String nextRecordsUrl) {
    return nextPage(QueryCursor.of(nextRecordsUrl));
  }

  /** Iterates the query's pages, fetching no further page once {@code maxRecords} rows were seen. */
  public QueryPaginator queryPaginator(GuardedQuery query, int maxRecords) {
    Objects.requireNonNull(query, "query");
    return new QueryPaginator(query, maxRecords, this::query, this::nextPage);
  }

  /** {@code GET /services/oauth2/userinfo}: who the token belongs to. */
  public UserInfo userInfo() {
    ApiRequest request = endpoints.userInfo();
    return Responses.userInfo(executor.execute(request), request.describe());
  }

  /** {@code GET /limits}: the org's limits, including {@code DailyApiRequests}. */
  public OrgLimits limits() {
    ApiRequest request = endpoints.limits();
    return Responses.limits(executor.execute(request), request.describe());
  }

  @Override
  public String toString() {
    return "SalesforceClient[" + instanceUrl + ", " + apiVersion() + "]";
  }

  /** Configures a {@link SalesforceClient}; instance URL and token provider are required. */
  public static final class Builder {
    private HttpUrl instanceUrl;
    private String apiVersion = DEFAULT_API_VERSION;
    private AccessTokenProvider tokenProvider;
    private OkHttpClient httpClient;
    private Timeouts timeouts = Timeouts.DEFAULT;
    private RetryPolicy retryPolicy = RetryPolicy.DEFAULT;
    private Sleeper sleeper = Sleeper.system();
    private Clock clock = Clock.systemUTC();
    private DoubleSupplier jitter = () -> ThreadLocalRandom.current().nextDouble();

    private Builder() {}

    /** The org's base URL, e.g. {@code https://acme.my.salesforce.com}; https unless loopback. */
    public Builder instanceUrl(String instanceUrl) {
      HttpUrl url = instanceUrl == null ? null : HttpUrl.parse(instanceUrl.strip());
      if (url == null || !(url.encodedPath().equals("/")) || url.query() != null) {
        throw new IllegalArgumentException("instanceUrl '" + instanceUrl + "' is not an instance URL:"
            + " pass the org's base URL such as https://acme.my.salesforce.com (no path, no query)");
      }
      if (!Loopback.maySendToken(url)) {
        throw new IllegalArgumentException("instanceUrl '" + instanceUrl + "' uses plain http. "
            + Loopback.refusal(url));
      }
      this.instanceUrl = url;
      return this;
    }

    /** The REST API version, {@code vNN.N}; default {@code v60.0}. */
    public Builder apiVersion(String apiVersion) {
      if (apiVersion == null || !API_VERSION.matcher(apiVersion).matches()) {
        throw new IllegalArgumentException("apiVersion '" + apiVersion
            + "' is not an API version: use the form vNN.N, e.g. v60.0");
      }
      this.apiVersion = apiVersion;
      return this;
    }

    /** Where tokens come from; see {@link AccessTokenProvider}. */
    public Builder tokenProvider(AccessTokenProvider tokenProvider) {
      this.tokenProvider = Objects.requireNonNull(tokenProvider, "tokenProvider");
      return this;
    }

    /** Shorthand for a {@link StaticTokenProvider}. */
    public Builder accessToken(String accessToken) {
      return tokenProvider(StaticTokenProvider.of(accessToken));
    }

    /**
     * The OkHttp client to share connection pools and dispatchers with. The SDK derives its own client
     * from it (with this builder's timeouts, redirects off, and its token interceptor) and never shuts it down.
     */
    public Builder httpClient(OkHttpClient httpClient) {
      this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
      return this;
    }

    /** How transient failures are retried; default {@link RetryPolicy#DEFAULT}, {@link RetryPolicy#NONE} to disable. */
    public Builder retryPolicy(RetryPolicy retryPolicy) {
      this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
      return this;
    }

    /** How the client waits between retries (virtual time in tests); default {@link Sleeper#system()}. */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    /** The clock for the retry time budget and {@code Retry-After} dates (virtual time in tests). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Fixes the backoff jitter (values in [0, 1)) so tests can assert exact waits. */
    Builder jitter(DoubleSupplier jitter) {
      this.jitter = Objects.requireNonNull(jitter, "jitter");
      return this;
    }

    /** Connect, read and whole-call timeouts; default {@link Timeouts#DEFAULT}. */
    public Builder timeouts(Timeouts timeouts) {
      this.timeouts = Objects.requireNonNull(timeouts, "timeouts");
      return this;
    }

    public Builder connectTimeout(Duration connect) {
      return timeouts(new Timeouts(connect, timeouts.read(), timeouts.call()));
    }

    public Builder readTimeout(Duration read) {
      return timeouts(new Timeouts(timeouts.connect(), read, timeouts.call()));
    }

    public Builder callTimeout(Duration call) {
      return timeouts(new Timeouts(timeouts.connect(), timeouts.read(), call));
    }

    /** Builds the client; throws {@link IllegalStateException} naming any missing setting. */
    public SalesforceClient build() {
      if (instanceUrl == null) {
        throw new IllegalStateException("instanceUrl is not set: call instanceUrl(\"https://<your-domain>.my.salesforce.com\")");
      }
      if (tokenProvider == null) {
        throw new IllegalStateException("no token provider: call tokenProvider(...) or accessToken(...)");
      }
      if (httpClient == null) {
        httpClient = new OkHttpClient();
      }
      return new SalesforceClient(this);
    }
  }
}
