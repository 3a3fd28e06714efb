package io.revops.core.pipeline;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Open opportunities whose last stage change is older than the threshold, stalest first.
 *
 * @param thresholdDays the threshold asked for
 * @param cutoff now minus the threshold: opportunities whose stage last changed before it are listed
 *     (with a date-typed {@code LastStageChangeDate}: before the UTC day of the cutoff)
 * @param method how the last stage change was determined in this org, for people
 * @param totalCount how many opportunities qualify in all
 * @param opportunities at most 200 of them, stalest first
 */
public record StaleOpportunities(
    int thresholdDays, Instant cutoff, String method, long totalCount, List<StaleOpportunity> opportunities) {

  public StaleOpportunities {
    Objects.requireNonNull(cutoff, "cutoff");
    Objects.requireNonNull(method, "method");
    opportunities = List.copyOf(opportunities);
  }

  /** True when more opportunities qualify than are listed. */
  public boolean truncated() {
    return totalCount > opportunities.size();
  }
}
