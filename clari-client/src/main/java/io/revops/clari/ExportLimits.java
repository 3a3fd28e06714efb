package io.revops.clari;

import java.util.List;

/**
 * The org's export limits from {@code GET /admin/limits} (read under {@code jobs}, or {@code exports}).
 *
 * @param concurrentLimit exports that may be queued or running at once
 * @param monthlyQuota exports allowed in a rolling 30 days
 * @param availableConcurrentLimit free concurrent slots now
 * @param availableMonthlyQuota exports left in the rolling 30 days
 * @param runningJobIds jobs running now
 * @param submittedJobIds jobs counted against the quota
 */
public record ExportLimits(int concurrentLimit, int monthlyQuota, int availableConcurrentLimit,
    int availableMonthlyQuota, List<String> runningJobIds, List<String> submittedJobIds) {
  /** Copies the lists. */
  public ExportLimits {
    runningJobIds = List.copyOf(runningJobIds);
    submittedJobIds = List.copyOf(submittedJobIds);
  }

  /** True when a new export can start now (a concurrent slot and quota are free). */
  public boolean hasFreeSlot() {
    return availableConcurrentLimit > 0 && availableMonthlyQuota > 0;
  }
}
