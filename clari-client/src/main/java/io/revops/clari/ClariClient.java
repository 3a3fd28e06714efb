package io.revops.clari;

import io.revops.clari.internal.ApiKeyInterceptor;
import io.revops.clari.internal.ClariRequests;
import io.revops.clari.internal.ErrorMapper;
import io.revops.clari.internal.HttpExecutor;
import io.revops.clari.internal.ModelParser;
import io.revops.clari.internal.PollSchedule;
import io.revops.clari.internal.SalesforceIds;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;

/**
 * A client for Clari's Revenue API (https://api.clari.com/v4): forecast exports, admin limits, audit
 * events and opportunity insights. Thread-safe; build one per token with {@link #builder()} and reuse it.
 *
 * <p>Every method checks its arguments before sending anything and throws {@link IllegalArgumentException}
 * naming the bad argument; Clari's failures arrive as {@link ClariApiException} subclasses. The API token
 * never appears in messages, {@code toString()}, logs or {@link RequestPlan}s.
 */
public final class ClariClient {
  /** Clari's production base URL. */
  public static final String DEFAULT_BASE_URL = "https://api.clari.com/v4";
  /** Clari accepts at most this many ids per {@code GET /opportunity}. */
  public static final int OPPORTUNITY_BATCH_SIZE = 100;

  private static final Logger LOG = Logger.getLogger(ClariClient.class.getName());
  private static final Pattern JOB_ID = Pattern.compile("[A-Za-z0-9_\\-]{1,64}");
  private static final Duration CANCEL_CHECK_SLICE = Duration.ofMillis(500);
  private static final Duration MAX_SLOT_BACKOFF = Duration.ofSeconds(60);
  private static final Duration FIRST_SLOT_BACKOFF = Duration.ofSeconds(5);

  private final HttpUrl baseUrl;
  private final ClariRequests requests;
  private final HttpExecutor executor;
  private final Clock clock;
  private final Sleeper sleeper;
  private final boolean fastPathEnabled;
  private final AtomicBoolean fastPathUnavailable = new AtomicBoolean();
  /** Clari refused a synchronous read without a timePeriod (400): such reads go to export jobs. */
  private final AtomicBoolean fastPathNeedsPeriod = new AtomicBoolean();
  private final int opportunityConcurrency;

  private ClariClient(Builder b) {
    this.baseUrl = b.baseUrl;
    this.requests = new ClariRequests(baseUrl);
    this.clock = b.clock;
    this.sleeper = b.sleeper;
    this.fastPathEnabled = b.fastPath;
    this.opportunityConcurrency = b.opportunityConcurrency;
    OkHttpClient http = b.httpClient.newBuilder()
        .addInterceptor(new ApiKeyInterceptor(b.tokenSource))
        .connectTimeout(b.connectTimeout)
        .readTimeout(b.readTimeout)
        .writeTimeout(b.readTimeout)
        .callTimeout(b.callTimeout)
        .build();
    this.executor = new HttpExecutor(http, sleeper, clock, () -> ThreadLocalRandom.current().nextDouble());
  }

  /** Starts a builder; {@link Builder#apiToken(String)} or {@link Builder#tokenSource(ClariTokenSource)} is required. */
  public static Builder builder() {
    return new Builder();
  }

  /** The dry-run view: the request each operation would send, without sending it. */
  public ClariRequestPlans plans() {
    return new ClariRequestPlans(this);
  }

  // ---------------------------------------------------------------- forecast export

  /**
   * Reads a forecast: the synchronous fast path ({@code GET /forecast/{id}}, latest week, one request) when
   * the request asks for no history and JSON, otherwise (or when Clari does not offer the fast path) an
   * export job: optional slot check, submit, poll, download. Polling follows {@code options}; on timeout
   * {@link ClariExportTimeoutException} names the job to resume with {@link #awaitJob}. A request without a
   * {@code timePeriod} asks for Clari's current quarter; should Clari refuse the synchronous read without
   * one (HTTP 400), such requests use export jobs for the rest of this client's life.
   */
  public ForecastExport exportForecast(ForecastExportRequest request, ExportOptions options) {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(options, "options");
    if (request.exportFormat() != ExportFormat.JSON) {
      throw new IllegalArgumentException("request.exportFormat is CSV: use exportForecastCsv for CSV exports.");
    }
    checkCancelled(options, null);
    Optional<ForecastExport> fast = tryFastPath(request);
    if (fast.isPresent()) {
      return fast.get();
    }
    return awaitJob(submitWhenSlotFree(request, options), options);
  }

  /** Like {@link #exportForecast} for {@code exportFormat CSV}: always an export job; returns Clari's CSV text. */
  public String exportForecastCsv(ForecastExportRequest request, ExportOptions options) {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(options, "options");
    if (request.exportFormat() != ExportFormat.CSV) {
      throw new IllegalArgumentException("request.exportFormat is JSON: use exportForecast for typed results.");
    }
    checkCancelled(options, null);
    String jobId = submitWhenSlotFree(request, options);
    waitForJob(jobId, options);
    return downloadExportText(jobId);
  }

  /**
   * Waits for an existing job (e.g. after a timeout) and downloads its JSON results, labelled with the DONE
   * status (and so Clari's truncation flags) of the job.
   */
  public ForecastExport awaitJob(String jobId, ExportOptions options) {
    return downloadForecastExport(waitForJob(jobId, options));
  }

  /**
   * Polls {@code GET /export/jobs/{jobId}} until DONE and returns the job. Stops with
   * {@link ClariExportFailedException} on FAILED/CANCELLED/ABORTED, {@link ClariExportTimeoutException}
   * when the budget runs out, and {@link ClariExportCancelledException} (after cancelling the job at Clari)
   * when the caller cancels or interrupts the thread.
   */
  public ExportJob waitForJob(String jobId, ExportOptions options) {
    requireJobId(jobId);
    Objects.requireNonNull(options, "options");
    Instant start = clock.instant();
    int attempt = 0;
    String lastStatus = "none yet";
    for (Duration offset : PollSchedule.offsets(options.pollInterval(), options.maxAttempts())) {
      sleepUntil(start.plus(offset), options, jobId);
      checkCancelled(options, jobId);
      ExportJob job = pollOnce(jobId, options);
      attempt++;
      lastStatus = job.rawStatus().isEmpty() ? "(none)" : job.rawStatus();
      report(options, new ExportProgress(lastStatus, attempt, Duration.between(start, clock.instant()),
          Optional.of(jobId)));
      if (job.status() == JobStatus.DONE) {
        return job;
      }
      if (job.status().isTerminal()) {
        throw new ClariExportFailedException(job);
      }
      if (job.status() == JobStatus.UNKNOWN) {
        LOG.log(Level.WARNING, "Clari export job {0} reported unknown status ''{1}''; still waiting",
            new Object[] {jobId, lastStatus});
      }
    }
    throw new ClariExportTimeoutException(jobId, Duration.between(start, clock.instant()), attempt, lastStatus);
  }

  /** Submits an export job ({@code POST /export/forecast/{forecastId}}) and returns its id. Never retried on 5xx. */
  public String submitForecastExport(ForecastExportRequest request) {
    Objects.requireNonNull(request, "request");
    Request http = requests.submitForecastExport(request);
    return ModelParser.jobId(executor.execute(http), HttpExecutor.describe(http));
  }

  /** The job's current state ({@code GET /export/jobs/{jobId}}, wrapped or flat body). */
  public ExportJob getExportJob(String jobId) {
    requireJobId(jobId);
    Request http = requests.jobStatus(jobId);
    return ModelParser.job(executor.execute(http), HttpExecutor.describe(http), jobId);
  }

  /**
   * The JSON results of a DONE job ({@code GET /export/jobs/{jobId}/results}). Without the job's status its
   * truncation flags are unknown ({@link ExportSource.JobResults#job()} is empty); prefer
   * {@link #downloadForecastExport(ExportJob)} with the status {@link #waitForJob} returned.
   */
  public ForecastExport downloadForecastExport(String jobId) {
    requireJobId(jobId);
    return downloadForecastExport(jobId, new ExportSource.JobResults(jobId, Optional.empty()));
  }

  /**
   * The JSON results of {@code job}, which must be DONE, labelled with its status (and so Clari's
   * truncation flags, {@link ForecastExport#truncated()}).
   */
  public ForecastExport downloadForecastExport(ExportJob job) {
    Objects.requireNonNull(job, "job");
    requireJobId(job.jobId());
    if (job.status() != JobStatus.DONE) {
      throw new IllegalArgumentException("job " + job.jobId() + " is " + (job.rawStatus().isEmpty() ? job.status()
          : job.rawStatus()) + ", not DONE: wait for it with waitForJob (or awaitJob) before downloading its results.");
    }
    return downloadForecastExport(job.jobId(), new ExportSource.JobResults(job.jobId(), Optional.of(job)));
  }

  private ForecastExport downloadForecastExport(String jobId, ExportSource source) {
    Request http = requests.jobResults(jobId);
    return ModelParser.forecast(executor.execute(http), HttpExecutor.describe(http), source);
  }

  /** The raw results file of a DONE job (CSV text for CSV exports). */
  public String downloadExportText(String jobId) {
    requireJobId(jobId);
    return executor.execute(requests.jobResults(jobId));
  }

  /** Cancels a job ({@code PATCH /export/jobs/{jobId}} {@code {"type":"CANCEL"}}), freeing its quota. */
  public JobCancellation cancelExportJob(String jobId) {
    requireJobId(jobId);
    Request http = requests.cancelJob(jobId);
    return ModelParser.cancellation(executor.execute(http), HttpExecutor.describe(http));
  }

  /** The org's export limits ({@code GET /admin/limits}). */
  public ExportLimits getAdminLimits() {
    Request http = requests.adminLimits();
    return ModelParser.limits(executor.execute(http), HttpExecutor.describe(http));
  }

  // ---------------------------------------------------------------- audit

  /** The first page of audit events matching {@code query}. */
  public AuditEventPage listAuditEvents(AuditEventQuery query) {
    Objects.requireNonNull(query, "query");
    return auditPage(requests.auditEvents(query));
  }

  /** The page after {@code page} (following its {@code nextLink}, same host only), or empty on the last page. */
  public Optional<AuditEventPage> nextAuditEvents(AuditEventPage page) {
    Objects.requireNonNull(page, "page");
    return page.nextLink().map(link -> auditPage(requests.auditNextPage(link)));
  }

  /** All pages of audit events, fetched lazily while iterating. */
  public AuditEventPaginator auditEventPages(AuditEventQuery query) {
    Objects.requireNonNull(query, "query");
    return new AuditEventPaginator(() -> listAuditEvents(query), this::nextAuditEvents);
  }

  private AuditEventPage auditPage(Request http) {
    return ModelParser.auditPage(executor.execute(http), HttpExecutor.describe(http));
  }

  // ---------------------------------------------------------------- opportunities

  /**
   * Clari's view of any number of opportunities: ids are validated (Salesforce opportunity ids, 15 or 18
   * characters with a correct checksum) before any request, de-duplicated, sent in batches of
   * {@value #OPPORTUNITY_BATCH_SIZE} with bounded concurrency, and merged in input order. A failing batch
   * is reported in {@link OpportunityInsights#failures()} while the others are kept.
   */
  public OpportunityInsights getOpportunityInsights(Collection<String> opportunityIds) {
    List<List<String>> batches = opportunityBatches(opportunityIds);
    if (batches.isEmpty()) {
      return new OpportunityInsights(List.of(), List.of());
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(opportunityConcurrency, batches.size()), r -> {
      Thread thread = new Thread(r, "clari-opportunity-batch");
      thread.setDaemon(true);
      return thread;
    });
    try {
      List<Future<List<OpportunityInsight>>> futures = new ArrayList<>();
      for (List<String> batch : batches) {
        futures.add(pool.submit(() -> {
          Request http = requests.opportunities(batch);
          return ModelParser.insights(executor.execute(http), HttpExecutor.describe(http));
        }));
      }
      return merge(batches, futures);
    } finally {
      pool.shutdownNow();
    }
  }

  List<List<String>> opportunityBatches(Collection<String> opportunityIds) {
    Objects.requireNonNull(opportunityIds, "opportunityIds");
    Set<String> unique = new LinkedHashSet<>();
    List<String> invalid = new ArrayList<>();
    for (String id : opportunityIds) {
      Optional<String> id18 = id == null ? Optional.empty() : SalesforceIds.to18(id.trim());
      if (id18.isPresent() && id18.get().startsWith("006")) {
        unique.add(id18.get());
      } else {
        invalid.add(String.valueOf(id));
      }
    }
    if (!invalid.isEmpty()) {
      throw new IllegalArgumentException("opportunityIds contains " + invalid.size() + " invalid id(s) "
          + invalid.subList(0, Math.min(5, invalid.size())) + ": each must be a Salesforce Opportunity id"
          + " (prefix 006, 15 characters or 18 with a correct checksum), e.g. 006Z000000EPuiyIAD.");
    }
    List<String> ids = List.copyOf(unique);
    List<List<String>> batches = new ArrayList<>();
    for (int from = 0; from < ids.size(); from += OPPORTUNITY_BATCH_SIZE) {
      batches.add(ids.subList(from, Math.min(ids.size(), from + OPPORTUNITY_BATCH_SIZE)));
    }
    return batches;
  }

  private OpportunityInsights merge(List<List<String>> batches, List<Future<List<OpportunityInsight>>> futures) {
    Map<String, OpportunityInsight> byId = new HashMap<>();
    List<OpportunityInsight> unmatched = new ArrayList<>();
    List<InsightFailure> failures = new ArrayList<>();
    for (int i = 0; i < batches.size(); i++) {
      try {
        for (OpportunityInsight insight : futures.get(i).get()) {
          String key = SalesforceIds.to18(insight.id()).orElse(insight.id());
          if (byId.putIfAbsent(key, insight) != null) {
            unmatched.add(insight);
          }
        }
      } catch (ExecutionException e) {
        failures.add(new InsightFailure(batches.get(i), asClariException(e.getCause())));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        futures.forEach(f -> f.cancel(true));
        throw new ClariTransportException("Reading Clari opportunity insights was interrupted.", 0, null, null, e);
      }
    }
    List<OpportunityInsight> ordered = new ArrayList<>();
    batches.forEach(batch -> batch.forEach(id -> Optional.ofNullable(byId.remove(id)).ifPresent(ordered::add)));
    ordered.addAll(byId.values());
    ordered.addAll(unmatched);
    return new OpportunityInsights(ordered, failures);
  }

  private static ClariApiException asClariException(Throwable cause) {
    return cause instanceof ClariApiException clari ? clari
        : new ClariTransportException("Clari GET /opportunity failed: " + cause, 0, null, null, cause);
  }

  // ---------------------------------------------------------------- export internals

  boolean fastPathEligible(ForecastExportRequest request) {
    return fastPathEnabled && !fastPathUnavailable.get() && !request.includeHistorical()
        && request.exportFormat() == ExportFormat.JSON
        && !(request.timePeriod().isEmpty() && fastPathNeedsPeriod.get());
  }

  ClariRequests requests() {
    return requests;
  }

  private Optional<ForecastExport> tryFastPath(ForecastExportRequest request) {
    if (!fastPathEligible(request)) {
      return Optional.empty();
    }
    Request http = requests.forecast(request);
    try {
      return Optional.of(ModelParser.forecast(executor.execute(http), HttpExecutor.describe(http),
          new ExportSource.SynchronousRead()));
    } catch (ClariApiException e) {
      boolean aboutTheForecast = e.errorCode().filter(ErrorMapper.NO_SUCH_FORECAST::equals).isPresent();
      int status = e.httpStatus();
      if (aboutTheForecast || (status != 400 && status != 404 && status != 405)) {
        throw e;
      }
      if (status == 400 && request.timePeriod().isEmpty()) {
        // The read is undocumented; it may need a period where the export defaults to the current quarter.
        fastPathNeedsPeriod.set(true);
        LOG.log(Level.INFO, "Clari answered HTTP 400 to the synchronous forecast read without a timePeriod; reads"
            + " without one use export jobs from now on");
        return Optional.empty();
      }
      fastPathUnavailable.set(true);
      LOG.log(Level.INFO, "Clari answered HTTP {0} to the synchronous forecast read; using export jobs from now on",
          status);
      return Optional.empty();
    }
  }

  private String submitWhenSlotFree(ForecastExportRequest request, ExportOptions options) {
    if (options.waitForExportSlot()) {
      awaitExportSlot(options);
    }
    checkCancelled(options, null);
    return submitForecastExport(request);
  }

  private void awaitExportSlot(ExportOptions options) {
    Instant start = clock.instant();
    Duration backoff = FIRST_SLOT_BACKOFF;
    for (int check = 1; ; check++) {
      ExportLimits limits = getAdminLimits();
      if (limits.monthlyQuota() > 0 && limits.availableMonthlyQuota() <= 0) {
        throw new ClariCapacityException("Clari's monthly export quota (" + limits.monthlyQuota() + " per rolling 30"
            + " days) is used up; waiting will not help. Use the synchronous forecast (no history, JSON) or ask"
            + " your Clari CSM to raise the quota.", 0, null, null, null);
      }
      if (limits.availableConcurrentLimit() > 0) {
        return;
      }
      report(options, new ExportProgress(ExportProgress.WAITING_FOR_SLOT, check,
          Duration.between(start, clock.instant()), Optional.empty()));
      if (check >= options.maxSlotChecks()) {
        throw new ClariCapacityException("No Clari export slot became free after " + check + " checks over "
            + Duration.between(start, clock.instant()).toSeconds() + " s (concurrent limit "
            + limits.concurrentLimit() + ", running " + limits.runningJobIds() + "). Try again later or cancel"
            + " jobs you no longer need.", 0, null, null, null);
      }
      sleepUntil(clock.instant().plus(backoff), options, null);
      backoff = backoff.multipliedBy(2).compareTo(MAX_SLOT_BACKOFF) > 0 ? MAX_SLOT_BACKOFF : backoff.multipliedBy(2);
    }
  }

  private ExportJob pollOnce(String jobId, ExportOptions options) {
    try {
      return getExportJob(jobId);
    } catch (ClariApiException e) {
      if (Thread.currentThread().isInterrupted() || options.cancellation().isCancelled()) {
        throw cancelled(jobId);
      }
      throw e;
    }
  }

  private void sleepUntil(Instant target, ExportOptions options, String jobId) {
    while (true) {
      Duration remaining = Duration.between(clock.instant(), target);
      if (remaining.isNegative() || remaining.isZero()) {
        return;
      }
      checkCancelled(options, jobId);
      try {
        sleeper.sleep(remaining.compareTo(CANCEL_CHECK_SLICE) < 0 ? remaining : CANCEL_CHECK_SLICE);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw cancelled(jobId);
      }
    }
  }

  private void checkCancelled(ExportOptions options, String jobId) {
    if (options.cancellation().isCancelled() || Thread.currentThread().isInterrupted()) {
      throw cancelled(jobId);
    }
  }

  private ClariExportCancelledException cancelled(String jobId) {
    if (jobId == null) {
      return new ClariExportCancelledException(null, null);
    }
    boolean interrupted = Thread.interrupted(); // the cancel request must go out even on an interrupted thread
    try {
      return new ClariExportCancelledException(jobId, cancelExportJob(jobId));
    } catch (ClariApiException e) {
      ClariExportCancelledException cancelled = new ClariExportCancelledException(jobId, null);
      cancelled.addSuppressed(e);
      return cancelled;
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static void report(ExportOptions options, ExportProgress progress) {
    try {
      options.listener().onProgress(progress);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Export progress listener failed; continuing", e);
    }
  }

  static void requireJobId(String jobId) {
    if (jobId == null || !JOB_ID.matcher(jobId).matches()) {
      throw new IllegalArgumentException("jobId '" + jobId + "' is not a Clari export job id (letters, digits, _ or -,"
          + " e.g. 6073683781a6da229df71e00 as returned by submitForecastExport).");
    }
  }

  @Override
  public String toString() {
    return "ClariClient[baseUrl=" + baseUrl + ", fastPath=" + (fastPathEnabled && !fastPathUnavailable.get()) + "]";
  }

  /** Builds {@link ClariClient}s. The token is required; everything else has a production default. */
  public static final class Builder {
    private HttpUrl baseUrl = HttpUrl.get(DEFAULT_BASE_URL);
    private ClariTokenSource tokenSource;
    private OkHttpClient httpClient;
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.system();
    private boolean fastPath = true;
    private int opportunityConcurrency = 4;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration readTimeout = Duration.ofSeconds(60);
    private Duration callTimeout = Duration.ofSeconds(120);

    private Builder() {
    }

    /** The API base URL (default {@value ClariClient#DEFAULT_BASE_URL}); {@code http://} only for loopback hosts. */
    public Builder baseUrl(String baseUrl) {
      Objects.requireNonNull(baseUrl, "baseUrl");
      HttpUrl url = HttpUrl.parse(baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl);
      if (url == null) {
        throw new IllegalArgumentException("baseUrl '" + baseUrl + "' is not an http(s) URL; use "
            + DEFAULT_BASE_URL + ".");
      }
      if (!url.isHttps() && !isLoopback(url.host())) {
        throw new IllegalArgumentException("baseUrl '" + baseUrl + "' uses plain http to a non-loopback host; the"
            + " API token must only travel over https (http is allowed for 127.0.0.1, ::1 and localhost).");
      }
      this.baseUrl = url;
      return this;
    }

    /** A fixed API token (Clari: Settings -> API Token). */
    public Builder apiToken(String token) {
      this.tokenSource = ClariTokenSource.of(token);
      return this;
    }

    /** A token source that may be asked again after a 401 (e.g. re-running a command). */
    public Builder tokenSource(ClariTokenSource tokenSource) {
      this.tokenSource = Objects.requireNonNull(tokenSource, "tokenSource");
      return this;
    }

    /** The OkHttp client to share (connection pool, proxies); the client adds its token interceptor and timeouts. */
    public Builder httpClient(OkHttpClient httpClient) {
      this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
      return this;
    }

    /** The clock used for polling and {@code Retry-After} dates (virtual time in tests). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** How the client waits between polls and retries (virtual time in tests). */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    /** Whether {@link ClariClient#exportForecast} tries the synchronous {@code GET /forecast/{id}} first (default true). */
    public Builder fastPath(boolean fastPath) {
      this.fastPath = fastPath;
      return this;
    }

    /** How many opportunity batches run at once (1-16, default 4). */
    public Builder opportunityConcurrency(int concurrency) {
      if (concurrency < 1 || concurrency > 16) {
        throw new IllegalArgumentException("opportunityConcurrency must be 1-16, was " + concurrency);
      }
      this.opportunityConcurrency = concurrency;
      return this;
    }

    /** Connect (default 10 s), read/write (60 s) and whole-call (120 s) timeouts; all must be positive. */
    public Builder timeouts(Duration connect, Duration read, Duration call) {
      for (Duration d : List.of(connect, read, call)) {
        if (d.isNegative() || d.isZero()) {
          throw new IllegalArgumentException("timeouts must be positive, was " + d);
        }
      }
      this.connectTimeout = connect;
      this.readTimeout = read;
      this.callTimeout = call;
      return this;
    }

    /** Builds the client; fails when no token was given. */
    public ClariClient build() {
      if (tokenSource == null) {
        throw new IllegalStateException("No Clari API token: call apiToken(...) or tokenSource(...)"
            + " (Clari: Settings -> API Token).");
      }
      if (httpClient == null) {
        httpClient = new OkHttpClient();
      }
      return new ClariClient(this);
    }

    private static boolean isLoopback(String host) {
      return host.equalsIgnoreCase("localhost") || host.equals("::1") || host.equals("[::1]")
          || host.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    }
  }
}
