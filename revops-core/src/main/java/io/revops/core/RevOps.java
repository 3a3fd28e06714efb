package io.revops.core;

import io.revops.clari.ClariClient;
import io.revops.clari.ExportOptions;
import io.revops.core.config.ClariSettings;
import io.revops.core.config.ClientFactory;
import io.revops.core.config.ConfigVariable;
import io.revops.core.config.ConfigurationException;
import io.revops.core.config.RevOpsConfig;
import io.revops.core.config.SalesforceSettings;
import io.revops.core.changes.PipelineChangesService;
import io.revops.core.forecast.ForecastService;
import io.revops.core.pipeline.PipelineService;
import io.revops.core.query.QueryService;
import io.revops.core.records.RecordService;
import io.revops.core.salesforce.DescribeCache;
import io.revops.core.writes.AuditedWriter;
import io.revops.core.writes.WritableFields;
import io.revops.core.risk.DealRiskService;
import io.revops.salesforce.SalesforceClient;
import io.revops.salesforce.soql.SoqlGuard;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;

/**
 * Every RevOps service, wired from one {@link RevOpsConfig}: the entry point an application (the MCP
 * server, an example, a script) builds once and asks for services. Nothing is built until first asked
 * for: creating a {@code RevOps} opens no connection and builds no HTTP client, so a server can list
 * its tools at start-up without paying for either. Each service is built once and shared; thread-safe.
 *
 * <p>Asking for a service whose backend is not configured throws a {@link ConfigurationException}
 * naming the variable to set.
 */
public final class RevOps {
  private final RevOpsConfig config;
  private final Clock clock;
  private final ClientFactory clients;
  private final Lazy<ForecastService> forecasts;
  private final Lazy<DealRiskService> dealRisk;
  private final Lazy<DescribeCache> describes;
  private final Lazy<RecordService> records;
  private final Lazy<QueryService> queries;
  private final Lazy<PipelineService> pipeline;
  private final Lazy<PipelineChangesService> pipelineChanges;
  private final Lazy<AuditedWriter> writer;

  private RevOps(Builder builder) {
    this.config = builder.config;
    this.clock = builder.clock;
    this.clients = ClientFactory.of(config, builder.httpClient);
    this.forecasts = new Lazy<>(() -> {
      ClariSettings settings = clariSettings();
      return new ForecastService(clariClient(), settings.defaultForecastId(), ExportOptions.builder()
          .maxAttempts(settings.pollMaxAttempts())
          .pollInterval(settings.pollInterval())
          .waitForExportSlot(true)
          .build(), config.forecastCacheTtl(), clock);
    });
    this.dealRisk = new Lazy<>(() -> new DealRiskService(clariClient()));
    this.describes = new Lazy<>(() -> new DescribeCache(salesforceClient()));
    this.records = new Lazy<>(() -> new RecordService(salesforceClient(), SoqlGuard.defaults()));
    this.queries = new Lazy<>(() -> new QueryService(salesforceClient(), SoqlGuard.defaults()));
    this.pipeline = new Lazy<>(() -> new PipelineService(salesforceClient(), describes.get(), SoqlGuard.defaults(),
        clock, salesforceSettings().commitStageName(), hasClari() ? Optional.of(clariClient()) : Optional.empty()));
    this.pipelineChanges = new Lazy<>(() -> new PipelineChangesService(
        hasSalesforce() ? Optional.of(salesforceClient()) : Optional.empty(),
        hasClari() ? Optional.of(clariClient()) : Optional.empty(), clock));
    this.writer = new Lazy<>(() -> new AuditedWriter(salesforceClient(), describes.get(),
        salesforceSettings().auditObject(), writableFields(config), clock));
  }

  private static WritableFields writableFields(RevOpsConfig config) {
    return config.writableFields().isEmpty() ? WritableFields.anyUpdateable()
        : WritableFields.only(config.writableFields().stream().map(Object::toString).toList());
  }

  /** Services for {@code config}, with the system clock and a default HTTP client. */
  public static RevOps create(RevOpsConfig config) {
    return builder(config).build();
  }

  /** Starts a {@code RevOps} for {@code config}. */
  public static Builder builder(RevOpsConfig config) {
    return new Builder(config);
  }

  /** The configuration the services were wired from. */
  public RevOpsConfig config() {
    return config;
  }

  /** Whether the Clari services are available ({@code CLARI_API_TOKEN} is set). */
  public boolean hasClari() {
    return config.clari().isPresent();
  }

  /** Whether the Salesforce services are available (instance URL and a credential are set). */
  public boolean hasSalesforce() {
    return config.salesforce().isPresent();
  }

  /**
   * The Clari client, built on first use.
   *
   * @throws ConfigurationException when Clari is not configured
   */
  public ClariClient clariClient() {
    return clients.clari().orElseThrow(this::clariSettingsMissing);
  }

  /**
   * The Salesforce client, built on first use.
   *
   * @throws ConfigurationException when Salesforce is not configured
   */
  public SalesforceClient salesforceClient() {
    return clients.salesforce().orElseThrow(this::salesforceSettingsMissing);
  }

  /** Clari forecasts and export capacity ({@code get_forecast}, {@code get_admin_limits}). */
  public ForecastService forecasts() {
    return forecasts.get();
  }

  /** Clari's risk view of deals ({@code get_deal_risk}). */
  public DealRiskService dealRisk() {
    return dealRisk.get();
  }

  /** Accounts, opportunities, contacts and leads by id ({@code get_account}...). */
  public RecordService records() {
    return records.get();
  }

  /** Caller SOQL through the guard, page by page ({@code query}). */
  public QueryService queries() {
    return queries.get();
  }

  /** Pipeline by stage, stale opportunities, at-risk commits. */
  public PipelineService pipeline() {
    return pipeline.get();
  }

  /**
   * Stage, amount and close-date changes: from Salesforce history when Salesforce is configured, else
   * Clari's audit log of user actions.
   *
   * @throws ConfigurationException when neither backend is configured
   */
  public PipelineChangesService pipelineChanges() {
    if (!hasSalesforce() && !hasClari()) {
      throw new ConfigurationException(ConfigVariable.SFDC_INSTANCE_URL.name(),
          "neither Salesforce nor Clari is configured: set SFDC_INSTANCE_URL and a Salesforce credential, or"
              + " CLARI_API_TOKEN");
    }
    return pipelineChanges.get();
  }

  /**
   * The audit-first writer ({@code add_note}, {@code update_field}).
   *
   * @throws ConfigurationException when {@code REVOPS_READ_ONLY=true}
   */
  public AuditedWriter writer() {
    if (config.readOnly()) {
      throw new ConfigurationException(ConfigVariable.REVOPS_READ_ONLY.name(),
          "is true, so writes are switched off: set it to false to allow add_note and update_field");
    }
    return writer.get();
  }

  /** The clock services use for "today" and for caches. */
  public Clock clock() {
    return clock;
  }

  @Override
  public String toString() {
    return "RevOps[" + config + "]";
  }

  private ClariSettings clariSettings() {
    return config.clari().orElseThrow(this::clariSettingsMissing);
  }

  private SalesforceSettings salesforceSettings() {
    return config.salesforce().orElseThrow(this::salesforceSettingsMissing);
  }

  private ConfigurationException clariSettingsMissing() {
    return new ConfigurationException(ConfigVariable.CLARI_API_TOKEN.name(), "is not set, so Clari cannot be"
        + " reached: set it to a Clari API token (Clari: Settings > API Token), or set CLARI_API_TOKEN_COMMAND");
  }

  private ConfigurationException salesforceSettingsMissing() {
    return new ConfigurationException(ConfigVariable.SFDC_INSTANCE_URL.name(), "is not set, so Salesforce cannot"
        + " be reached: set it and a Salesforce credential (see --help)");
  }

  /** Configures a {@link RevOps}. */
  public static final class Builder {
    private final RevOpsConfig config;
    private Clock clock = Clock.systemUTC();
    private Supplier<OkHttpClient> httpClient = OkHttpClient::new;

    private Builder(RevOpsConfig config) {
      this.config = Objects.requireNonNull(config, "config");
    }

    /** The clock for "today", caches and polling (virtual time in tests); UTC system clock by default. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Where the shared OkHttp client comes from (asked once, on the first service call): a caller can
     * add interceptors or share a connection pool. The SDKs (and the OAuth token flows) derive their own
     * clients from it with their timeouts and credentials; see {@link ClientFactory}.
     */
    public Builder httpClient(Supplier<OkHttpClient> httpClient) {
      this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
      return this;
    }

    /** Builds the (still empty) service graph. */
    public RevOps build() {
      return new RevOps(this);
    }
  }

  /** A value computed once, on first use, by the supplier; thread-safe. */
  private static final class Lazy<T> {
    private Supplier<T> supplier;
    private volatile T value;

    Lazy(Supplier<T> supplier) {
      this.supplier = Objects.requireNonNull(supplier, "supplier");
    }

    T get() {
      T current = value;
      if (current == null) {
        synchronized (this) {
          current = value;
          if (current == null) {
            current = Objects.requireNonNull(supplier.get(), "supplier returned null");
            value = current;
            supplier = null;
          }
        }
      }
      return current;
    }
  }
}
