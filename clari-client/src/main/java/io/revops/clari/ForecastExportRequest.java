package io.revops.clari;

import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What to export from a Clari forecast tab. Made by {@link #builder(String)} or
 * {@link #builder(String, String)}; every argument is checked when built, so a bad value fails before
 * any HTTP request.
 *
 * @param forecastId the Forecast Tab id from the Clari UI URL, e.g. {@code net_arr} in {@code app.clari.com/forecast/net_arr}
 * @param timePeriod the fiscal quarter, {@code YYYY_QN}, e.g. {@code 2026_Q2}; when empty the request leaves
 *     it out and Clari answers for its current quarter (by the tenant's fiscal calendar). Either way, read
 *     the quarter Clari answered for from {@link ForecastExport#timePeriods()}
 * @param typesToExport the data types (at least one), in a stable order
 * @param scopeId the hierarchy root, e.g. {@code 1905::MGR}
 * @param currency an ISO 4217 currency code
 * @param includeHistorical true for week-by-week data since the start of the quarter
 * @param exportFormat JSON (typed) or CSV (text)
 * @param schedule Clari-side retries of a failed run
 */
public record ForecastExportRequest(String forecastId, Optional<String> timePeriod, Set<ExportType> typesToExport,
    Optional<String> scopeId, Optional<String> currency, boolean includeHistorical, ExportFormat exportFormat,
    ExportSchedule schedule) {

  private static final Pattern FORECAST_ID = Pattern.compile("[A-Za-z0-9_\\-]{1,128}");
  private static final Pattern TIME_PERIOD = Pattern.compile("\\d{4}_Q[1-4]");
  private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

  /** Validates every component; messages name the argument and the fix. */
  public ForecastExportRequest {
    Objects.requireNonNull(forecastId, "forecastId");
    if (!FORECAST_ID.matcher(forecastId).matches()) {
      throw new IllegalArgumentException("forecastId '" + forecastId + "' is not a Forecast Tab id: use the slug from"
          + " the Clari UI URL, e.g. net_arr in https://app.clari.com/forecast/net_arr (letters, digits, _ and -).");
    }
    Objects.requireNonNull(timePeriod, "timePeriod");
    timePeriod.ifPresent(period -> {
      if (!TIME_PERIOD.matcher(period).matches()) {
        throw new IllegalArgumentException("timePeriod '" + period + "' must look like 2026_Q2 (year, underscore,"
            + " Q1-Q4), or be left out for Clari's current quarter; Clari silently falls back to the current quarter"
            + " on values it does not recognise.");
      }
    });
    Objects.requireNonNull(typesToExport, "typesToExport");
    if (typesToExport.isEmpty()) {
      throw new IllegalArgumentException("typesToExport must name at least one type, e.g. FORECAST.");
    }
    typesToExport = Set.copyOf(EnumSet.copyOf(typesToExport));
    Objects.requireNonNull(scopeId, "scopeId");
    scopeId.ifPresent(s -> {
      if (s.isBlank()) {
        throw new IllegalArgumentException("scopeId must not be blank; leave it out to use the whole hierarchy.");
      }
    });
    Objects.requireNonNull(currency, "currency");
    currency.ifPresent(c -> {
      if (!CURRENCY.matcher(c).matches()) {
        throw new IllegalArgumentException("currency '" + c + "' must be an upper-case ISO 4217 code such as USD.");
      }
    });
    Objects.requireNonNull(exportFormat, "exportFormat");
    Objects.requireNonNull(schedule, "schedule");
  }

  /** The types in declaration order (the order sent to Clari). */
  public Set<ExportType> orderedTypes() {
    return new LinkedHashSet<>(EnumSet.copyOf(typesToExport));
  }

  /**
   * Starts a request for {@code forecastId} in Clari's current quarter (set one with
   * {@link Builder#timePeriod}); defaults: FORECAST + FORECAST_UPDATED, JSON, NONE, no history.
   */
  public static Builder builder(String forecastId) {
    return new Builder(forecastId);
  }

  /** Starts a request for {@code forecastId} and {@code timePeriod} (e.g. {@code 2026_Q2}); defaults as {@link #builder(String)}. */
  public static Builder builder(String forecastId, String timePeriod) {
    return new Builder(forecastId).timePeriod(timePeriod);
  }

  /** Builds {@link ForecastExportRequest}s. */
  public static final class Builder {
    private final String forecastId;
    private String timePeriod;
    private Set<ExportType> types = EnumSet.of(ExportType.FORECAST, ExportType.FORECAST_UPDATED);
    private String scopeId;
    private String currency;
    private boolean includeHistorical;
    private ExportFormat exportFormat = ExportFormat.JSON;
    private ExportSchedule schedule = ExportSchedule.NONE;

    private Builder(String forecastId) {
      this.forecastId = forecastId;
    }

    /** The fiscal quarter, e.g. {@code 2026_Q2} (default: none, i.e. Clari's current quarter). */
    public Builder timePeriod(String timePeriod) {
      this.timePeriod = Objects.requireNonNull(timePeriod, "timePeriod");
      return this;
    }

    /** The data types to export (replaces the default). */
    public Builder typesToExport(Set<ExportType> types) {
      this.types = Objects.requireNonNull(types, "typesToExport");
      return this;
    }

    /** The hierarchy root, e.g. {@code 1905::MGR}. */
    public Builder scopeId(String scopeId) {
      this.scopeId = scopeId;
      return this;
    }

    /** An ISO 4217 currency code. */
    public Builder currency(String currency) {
      this.currency = currency;
      return this;
    }

    /** True for week-by-week data since the start of the quarter (always an export job). */
    public Builder includeHistorical(boolean includeHistorical) {
      this.includeHistorical = includeHistorical;
      return this;
    }

    /** JSON (default) or CSV (always an export job). */
    public Builder exportFormat(ExportFormat exportFormat) {
      this.exportFormat = exportFormat;
      return this;
    }

    /** Clari-side retries of a failed run. */
    public Builder schedule(ExportSchedule schedule) {
      this.schedule = schedule;
      return this;
    }

    /** Validates and builds the request. */
    public ForecastExportRequest build() {
      return new ForecastExportRequest(forecastId, Optional.ofNullable(timePeriod), types, Optional.ofNullable(scopeId),
          Optional.ofNullable(currency), includeHistorical, exportFormat, schedule);
    }
  }
}
