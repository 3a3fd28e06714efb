package io.revops.clari;

import java.util.List;
import java.util.Objects;

/**
 * The JSON results of a forecast export (or of the synchronous forecast read): Clari's five lists.
 * One entry is one user x field x week cell; look names up in {@code users} and {@code fields}.
 * Check {@code timePeriods().get(0).timePeriodId()}: it names the quarter of a request without a timePeriod
 * (Clari's current one), and Clari silently answers for the current quarter when
 * it does not recognise the requested one.
 *
 * @param entries the value cells
 * @param users the forecast hierarchy members
 * @param fields the forecast columns (Commit, Best Case, Quota, ...)
 * @param timePeriods the quarters covered
 * @param timeFrames the weeks covered (unordered in historical exports: sort on {@code timeFrameId})
 * @param source the synchronous read or the export job that produced these results, with Clari's truncation
 *     flags
 */
public record ForecastExport(List<ForecastEntry> entries, List<ForecastUser> users, List<ForecastField> fields,
    List<ForecastTimePeriod> timePeriods, List<ForecastTimeFrame> timeFrames, ExportSource source) {
  /** Copies every list; checks the source is given. */
  public ForecastExport {
    Objects.requireNonNull(source, "source");
    entries = List.copyOf(entries);
    users = List.copyOf(users);
    fields = List.copyOf(fields);
    timePeriods = List.copyOf(timePeriods);
    timeFrames = List.copyOf(timeFrames);
  }

  /** True when Clari flagged these results as truncated server-side (see {@link #source()}). */
  public boolean truncated() {
    return source.truncated();
  }
}
