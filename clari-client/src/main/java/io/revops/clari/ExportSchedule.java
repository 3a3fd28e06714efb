package io.revops.clari;

/** Clari-side retries of a failed export run: none, once after 30 min, or up to three times 30 min apart. */
public enum ExportSchedule {
  /** No retries (Clari's default). */
  NONE,
  /** One retry after 30 minutes. */
  ONCE,
  /** Three retries, 30 minutes apart. */
  MAX
}
