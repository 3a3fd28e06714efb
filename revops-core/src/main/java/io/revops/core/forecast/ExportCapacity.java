package io.revops.core.forecast;

import io.revops.clari.ExportLimits;
import java.util.List;

/**
 * How many Clari export jobs the org may still run: the concurrent slots free now and the rolling
 * 30-day quota left. Every export job (not the synchronous forecast read) spends one unit of quota.
 *
 * @param concurrentLimit exports that may be queued or running at once
 * @param availableConcurrentSlots slots free now
 * @param monthlyQuota exports allowed in a rolling 30 days
 * @param availableMonthlyQuota exports left in the rolling 30 days
 * @param exportsInLast30Days exports Clari counts against the quota
 * @param runningJobIds the export jobs queued or running now
 */
public record ExportCapacity(int concurrentLimit, int availableConcurrentSlots, int monthlyQuota,
    int availableMonthlyQuota, int exportsInLast30Days, List<String> runningJobIds) {

  /** Copies the list. */
  public ExportCapacity {
    runningJobIds = List.copyOf(runningJobIds);
  }

  /** The compact view of Clari's {@code /admin/limits} answer. */
  public static ExportCapacity of(ExportLimits limits) {
    return new ExportCapacity(limits.concurrentLimit(), limits.availableConcurrentLimit(), limits.monthlyQuota(),
        limits.availableMonthlyQuota(), limits.submittedJobIds().size(), limits.runningJobIds());
  }

  /** True when an export job could start now (a free slot and quota left). */
  public boolean canExportNow() {
    return availableConcurrentSlots > 0 && availableMonthlyQuota > 0;
  }
}
