package io.revops.core.forecast;

import io.revops.clari.CancellationToken;
import io.revops.clari.ClariClient;
import io.revops.clari.ClariRequestPlans;
import io.revops.clari.ExportOptions;
import io.revops.clari.ExportProgressListener;
import io.revops.clari.ExportType;
import io.revops.clari.ForecastExportRequest;
import io.revops.clari.RequestPlan;
import io.revops.core.RevOpsArgumentException;
import io.revops.core.plan.DryRunPlan;
import io.revops.core.plan.PlannedRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;

/**
 * Clari forecasts for a forecast call, and the org's export capacity.
 *
 * <p>{@link #getForecast} validates and normalises every argument before any request, reads the
 * forecast through {@link ClariClient#exportForecast} (the one-request synchronous read when Clari offers
 * it, else an export job) and returns a compact {@link ForecastSummary}. Summaries are cached for the
 * configured time-to-live, keyed by every normalised parameter, and concurrent identical requests share
 * one export (every export job spends the org's monthly quota). Thread-safe; make one per Clari client.
 */
public final class ForecastService {
  private static final Set<ExportType> TYPES = EnumSet.of(ExportType.FORECAST, ExportType.QUOTA);
  private static final Pattern FORECAST_ID = Pattern.compile("[A-Za-z0-9_\\-]{1,128}");
  private static final Pattern SCOPE_ID = Pattern.compile("[A-Za-z0-9_:.@\\-]{1,200}");
  private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
  private static final String WHERE_FORECAST_ID = "Pass the Forecast Tab id from the Clari URL (net_arr in"
      + " https://app.clari.com/forecast/net_arr), or set CLARI_FORECAST_ID for a default";

  private final ClariClient clari;
  private final Optional<String> defaultForecastId;
  private final ExportOptions exportDefaults;
  private final Duration cacheTtl;
  private final Clock clock;
  private final ExportFlights<ForecastExportRequest, ForecastSummary> flights;

  /**
   * @param clari the Clari client
   * @param defaultForecastId the forecast tab used when a query names none ({@code CLARI_FORECAST_ID})
   * @param exportDefaults how export jobs are polled ({@code CLARI_POLL_MAX_ATTEMPTS},
   *     {@code CLARI_POLL_INTERVAL_SECONDS}) and whether to wait for a free export slot; its listener and
   *     cancellation are ignored (each call brings its own, see {@link ForecastCallOptions})
   * @param cacheTtl how long a summary is reused ({@code REVOPS_FORECAST_CACHE_TTL_SECONDS}); zero disables
   *     the cache (concurrent identical requests still share one export)
   * @param clock the time source for the cache and for "the current quarter"
   */
  public ForecastService(ClariClient clari, Optional<String> defaultForecastId, ExportOptions exportDefaults,
      Duration cacheTtl, Clock clock) {
    this.clari = Objects.requireNonNull(clari, "clari");
    Objects.requireNonNull(defaultForecastId, "defaultForecastId");
    defaultForecastId.ifPresent(id -> {
      if (!FORECAST_ID.matcher(id.trim()).matches()) {
        throw new IllegalArgumentException("defaultForecastId (CLARI_FORECAST_ID) '" + id + "' is not a Forecast Tab"
            + " id: use the slug from the Clari URL, e.g. net_arr in https://app.clari.com/forecast/net_arr.");
      }
    });
    this.defaultForecastId = defaultForecastId.map(String::trim);
    this.exportDefaults = Objects.requireNonNull(exportDefaults, "exportDefaults");
    Objects.requireNonNull(cacheTtl, "cacheTtl");
    if (cacheTtl.isNegative()) {
      throw new IllegalArgumentException("cacheTtl (REVOPS_FORECAST_CACHE_TTL_SECONDS) must be zero (no cache) or"
          + " positive, was " + cacheTtl);
    }
    this.cacheTtl = cacheTtl;
    this.clock = Objects.requireNonNull(clock, "clock");
    ExecutorService exports = Executors.newCachedThreadPool(runnable -> {
      Thread thread = new Thread(runnable, "revops-forecast-export");
      thread.setDaemon(true);
      return thread;
    });
    this.flights = new ExportFlights<>(cacheTtl, clock, exports);
  }

  /** {@link #getForecast(ForecastQuery, ForecastCallOptions)} without progress reports or cancellation. */
  public ForecastSummary getForecast(ForecastQuery query) {
    return getForecast(query, ForecastCallOptions.none());
  }

  /**
   * The forecast summary for {@code query}: from the cache when an identical request was answered within
   * the time-to-live, else from Clari (joining an identical request already under way).
   *
   * @throws RevOpsArgumentException before any request, naming the argument that is missing or malformed
   * @throws ForecastWaitCancelledException when {@code options} cancelled the wait
   * @throws io.revops.clari.ClariApiException when Clari fails (unknown forecast tab, quota used up, timeout...)
   */
  public ForecastSummary getForecast(ForecastQuery query, ForecastCallOptions options) {
    Resolved resolved = resolve(query);
    Objects.requireNonNull(options, "options");
    ForecastSummary summary = flights.get(resolved.request(), options, (progress, cancellation) ->
        ForecastSummarizer.summarize(clari.exportForecast(resolved.request(), exportOptions(progress, cancellation)),
            resolved.request().forecastId(), resolved.period(), resolved.request().currency(), clock.instant()));
    return resolved.periodDefaulted() ? withDefaultPeriodNotes(summary) : summary;
  }

  /**
   * What {@link #getForecast} would send for {@code query}, validated the same way; sends nothing. The
   * cache is not consulted: the plan shows the requests of a cache miss.
   */
  public DryRunPlan planGetForecast(ForecastQuery query) {
    Resolved resolved = resolve(query);
    ForecastExportRequest request = resolved.request();
    ClariRequestPlans plans = clari.plans();
    RequestPlan first = plans.exportForecast(request);
    List<PlannedRequest> requests = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    String jobSteps = "then GET /export/jobs/{jobId} until DONE (at most " + exportDefaults.maxAttempts() + " checks"
        + " over " + exportDefaults.budget().toSeconds() + " s) and GET /export/jobs/{jobId}/results; the job id"
        + " comes from the submit answer. The job spends one unit of the org's monthly export quota";
    if (first.equals(plans.forecast(request))) {
      requests.add(PlannedRequest.of(first));
      notes.add("The synchronous forecast read (latest week) answers in one request and starts no export job. If"
          + " Clari does not offer it (HTTP 400, 404 or 405), an export job is used instead: POST /export/forecast/"
          + request.forecastId() + ", " + jobSteps + ".");
    } else {
      if (exportDefaults.waitForExportSlot()) {
        requests.add(PlannedRequest.of(plans.getAdminLimits()));
        notes.add("GET /admin/limits is repeated with backoff (at most " + exportDefaults.maxSlotChecks() + " checks)"
            + " while no concurrent export slot is free.");
      }
      requests.add(PlannedRequest.of(first));
      notes.add("After the submit: " + jobSteps + ".");
    }
    notes.add(cacheTtl.isZero() ? "Results are not cached (cache time-to-live 0); concurrent identical requests"
        + " share one export."
        : "An identical request answered in the last " + cacheTtl.toSeconds() + " s is served from the cache with no"
        + " request; concurrent identical requests share one export.");
    if (resolved.periodDefaulted()) {
      notes.add(defaultPeriodNote(resolved.period()));
    }
    return new DryRunPlan("getForecast", requests, notes);
  }

  /** The org's Clari export capacity, read live ({@code GET /admin/limits}, not cached). */
  public ExportCapacity getAdminLimits() {
    return ExportCapacity.of(clari.getAdminLimits());
  }

  /** What {@link #getAdminLimits} would send; sends nothing. */
  public DryRunPlan planGetAdminLimits() {
    return new DryRunPlan("getAdminLimits", List.of(PlannedRequest.of(clari.plans().getAdminLimits())), List.of());
  }

  @Override
  public String toString() {
    return "ForecastService[defaultForecastId=" + defaultForecastId.orElse("(none)") + ", cacheTtl=" + cacheTtl + "]";
  }

  /** Test hook: runs on a caller's thread right after it joined an identical request already under way. */
  void onJoinForTests(Runnable hook) {
    flights.onJoin(hook);
  }

  // ---------------------------------------------------------------- validation

  private record Resolved(ForecastExportRequest request, QuarterPeriod period, boolean periodDefaulted) {
  }

  private Resolved resolve(ForecastQuery query) {
    Objects.requireNonNull(query, "query");
    String forecastId = forecastId(query);
    boolean defaulted = query.timePeriod().isEmpty();
    QuarterPeriod period = query.timePeriod().map(text -> QuarterPeriod.parse("timePeriod", text))
        .orElseGet(this::currentCalendarQuarter);
    ForecastExportRequest.Builder request = ForecastExportRequest.builder(forecastId, period.clariId())
        .typesToExport(TYPES);
    query.scopeId().map(ForecastService::scopeId).ifPresent(request::scopeId);
    query.currency().map(ForecastService::currency).ifPresent(request::currency);
    return new Resolved(request.build(), period, defaulted);
  }

  private String forecastId(ForecastQuery query) {
    Optional<String> given = query.forecastId().map(String::trim);
    if (given.isPresent() && given.get().isEmpty()) {
      throw new RevOpsArgumentException("forecastId", "is blank", WHERE_FORECAST_ID + ", or leave it out to use the"
          + " default");
    }
    String id = given.or(() -> defaultForecastId).orElseThrow(() -> new RevOpsArgumentException("forecastId",
        "is missing and no default forecast is configured", WHERE_FORECAST_ID));
    if (!FORECAST_ID.matcher(id).matches()) {
      throw new RevOpsArgumentException("forecastId", "'" + id + "' is not a Forecast Tab id (letters, digits, _ and -"
          + " only)", WHERE_FORECAST_ID);
    }
    return id;
  }

  private static String scopeId(String text) {
    String scope = text.trim();
    if (scope.isEmpty()) {
      throw new RevOpsArgumentException("scopeId", "is blank", "Leave it out to use the whole forecast hierarchy, or"
          + " pass a Clari scope id such as 1905::MGR");
    }
    if (!SCOPE_ID.matcher(scope).matches()) {
      throw new RevOpsArgumentException("scopeId", "'" + text + "' is not a Clari scope id",
          "Pass a scope id such as 1905::MGR (letters, digits and : _ . @ -), or leave it out for the whole hierarchy");
    }
    return scope;
  }

  private static String currency(String text) {
    String code = text.trim().toUpperCase(Locale.ROOT);
    boolean known = CURRENCY.matcher(code).matches()
        && Currency.getAvailableCurrencies().stream().anyMatch(c -> c.getCurrencyCode().equals(code));
    if (!known) {
      throw new RevOpsArgumentException("currency", "'" + text + "' is not an ISO 4217 currency code",
          "Pass a three-letter code such as USD, EUR or GBP, or leave it out for Clari's default currency");
    }
    return code;
  }

  private QuarterPeriod currentCalendarQuarter() {
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    return new QuarterPeriod(today.getYear(), (today.getMonthValue() - 1) / 3 + 1);
  }

  // ---------------------------------------------------------------- export plumbing

  private ExportOptions exportOptions(ExportProgressListener progress, CancellationToken cancellation) {
    return ExportOptions.builder()
        .maxAttempts(exportDefaults.maxAttempts())
        .pollInterval(exportDefaults.pollInterval())
        .waitForExportSlot(exportDefaults.waitForExportSlot())
        .maxSlotChecks(exportDefaults.maxSlotChecks())
        .listener(progress)
        .cancellation(cancellation)
        .build();
  }

  private static String defaultPeriodNote(QuarterPeriod period) {
    return "No timePeriod was given, so " + period.clariId() + " (the calendar quarter containing today, UTC) was"
        + " used. If your company's fiscal quarters differ from calendar quarters, pass timePeriod as Clari names it.";
  }

  /** Says the quarter was a default, and flags it when Clari's dates for it do not contain today. */
  private ForecastSummary withDefaultPeriodNotes(ForecastSummary summary) {
    QuarterPeriod period = QuarterPeriod.parse("timePeriod", summary.requestedPeriod());
    List<String> notes = new ArrayList<>(summary.notes());
    notes.add(defaultPeriodNote(period));
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    Optional<LocalDate> start = summary.period().startDate().flatMap(ForecastSummarizer::date);
    Optional<LocalDate> end = summary.period().endDate().flatMap(ForecastSummarizer::date);
    if (start.isPresent() && end.isPresent() && (today.isBefore(start.get()) || today.isAfter(end.get()))) {
      notes.add("Clari's " + summary.period().id() + " runs from " + start.get() + " to " + end.get() + ", which does"
          + " not contain today (" + today + "): your fiscal quarters are not calendar quarters. Pass timePeriod for"
          + " the quarter you mean.");
    }
    return new ForecastSummary(summary.forecastId(), summary.requestedPeriod(), summary.period(), summary.week(),
        summary.currency(), summary.rows(), summary.warning(), notes, summary.retrievedAt());
  }
}
