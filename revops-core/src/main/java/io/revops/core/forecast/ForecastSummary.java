package io.revops.core.forecast;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A forecast made compact for a forecast call: which tab and quarter, in which currency, and one row
 * per person and forecast field (value, quota, attainment) in hierarchy order.
 *
 * <p>When Clari answered for another quarter than the one asked (it silently falls back to the current
 * quarter on periods it does not know), {@link #warning()} says so and {@link #rows()} is empty: the
 * figures are withheld rather than shown under the wrong quarter.
 *
 * @param forecastId the forecast tab, e.g. {@code net_arr}
 * @param requestedPeriod the quarter asked for, e.g. {@code 2026_Q2} (the calendar quarter of today when
 *     none was given; see {@link #notes()})
 * @param period the quarter Clari answered for
 * @param week the week the figures come from (the latest in Clari's answer)
 * @param currency the currency of every value, when it is one currency
 * @param rows the figures, in hierarchy order (parents before their reports, siblings by name)
 * @param warning present when the figures were withheld, saying why and what to do
 * @param notes caveats about the figures (defaults used, mixed currencies, unknown users)
 * @param retrievedAt when Clari answered (a cached summary keeps its original time)
 */
public record ForecastSummary(String forecastId, String requestedPeriod, ForecastPeriod period,
    Optional<ForecastWeek> week, Optional<String> currency, List<ForecastRow> rows, Optional<String> warning,
    List<String> notes, Instant retrievedAt) {

  /** Copies the lists and checks for nulls. */
  public ForecastSummary {
    Objects.requireNonNull(forecastId, "forecastId");
    Objects.requireNonNull(requestedPeriod, "requestedPeriod");
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(week, "week");
    Objects.requireNonNull(currency, "currency");
    rows = List.copyOf(rows);
    Objects.requireNonNull(warning, "warning");
    notes = List.copyOf(notes);
    Objects.requireNonNull(retrievedAt, "retrievedAt");
  }

  /** True when Clari answered for the quarter that was asked. */
  public boolean periodAsRequested() {
    return period.id().equals(requestedPeriod);
  }
}
