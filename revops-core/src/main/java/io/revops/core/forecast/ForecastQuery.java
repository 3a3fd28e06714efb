package io.revops.core.forecast;

import java.util.Objects;
import java.util.Optional;

/**
 * What {@link ForecastService#getForecast} is asked for, every part optional: the forecast tab (else
 * the service's default), the quarter (else the calendar quarter containing today, UTC), the hierarchy
 * root (else Clari's whole hierarchy) and the currency (else Clari's). Values are kept as given; the
 * service validates and normalises them before any request.
 *
 * @param forecastId the Forecast Tab id from the Clari URL, e.g. {@code net_arr}
 * @param timePeriod a quarter such as {@code 2026_Q2}, {@code Q2 2026} or {@code 2026-Q2}
 * @param scopeId the hierarchy root, e.g. {@code 1905::MGR}
 * @param currency an ISO 4217 code such as {@code USD}
 */
public record ForecastQuery(
    Optional<String> forecastId, Optional<String> timePeriod, Optional<String> scopeId, Optional<String> currency) {

  /** Checks for nulls. */
  public ForecastQuery {
    Objects.requireNonNull(forecastId, "forecastId");
    Objects.requireNonNull(timePeriod, "timePeriod");
    Objects.requireNonNull(scopeId, "scopeId");
    Objects.requireNonNull(currency, "currency");
  }

  /** Everything left to the defaults: the default forecast, the current quarter, the whole hierarchy. */
  public static ForecastQuery defaults() {
    return builder().build();
  }

  /** Starts a query with nothing set. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link ForecastQuery}s; leave a setter uncalled to use the default. */
  public static final class Builder {
    private String forecastId;
    private String timePeriod;
    private String scopeId;
    private String currency;

    private Builder() {
    }

    /** The Forecast Tab id, e.g. {@code net_arr}. */
    public Builder forecastId(String forecastId) {
      this.forecastId = Objects.requireNonNull(forecastId, "forecastId");
      return this;
    }

    /** The quarter, e.g. {@code 2026_Q2} or {@code Q2 2026}. */
    public Builder timePeriod(String timePeriod) {
      this.timePeriod = Objects.requireNonNull(timePeriod, "timePeriod");
      return this;
    }

    /** The hierarchy root, e.g. {@code 1905::MGR}. */
    public Builder scopeId(String scopeId) {
      this.scopeId = Objects.requireNonNull(scopeId, "scopeId");
      return this;
    }

    /** The ISO 4217 currency, e.g. {@code USD}. */
    public Builder currency(String currency) {
      this.currency = Objects.requireNonNull(currency, "currency");
      return this;
    }

    /** Builds the query (validation happens in the service, naming the argument). */
    public ForecastQuery build() {
      return new ForecastQuery(Optional.ofNullable(forecastId), Optional.ofNullable(timePeriod),
          Optional.ofNullable(scopeId), Optional.ofNullable(currency));
    }
  }
}
