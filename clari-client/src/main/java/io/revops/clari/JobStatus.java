package io.revops.clari;

/**
 * An export job's status as Clari spells it. {@link #UNKNOWN} stands for any value not in Clari's enum;
 * it is treated as still running (bounded by the polling budget).
 */
public enum JobStatus {
  /** Created and queued. */
  SCHEDULED,
  /** Running. */
  STARTED,
  /** Finished; results can be downloaded. */
  DONE,
  /** Could not complete. */
  FAILED,
  /** Cancelled while scheduled. */
  CANCELLED,
  /** Cancelled while running. */
  ABORTED,
  /** A status this client does not know; treated as non-terminal. */
  UNKNOWN;

  /** True for DONE, FAILED, CANCELLED and ABORTED. */
  public boolean isTerminal() {
    return this == DONE || this == FAILED || this == CANCELLED || this == ABORTED;
  }

  /** Parses Clari's spelling (case-insensitive); anything else is {@link #UNKNOWN}. */
  public static JobStatus parse(String raw) {
    if (raw == null) {
      return UNKNOWN;
    }
    for (JobStatus status : values()) {
      if (status != UNKNOWN && status.name().equalsIgnoreCase(raw.trim())) {
        return status;
      }
    }
    return UNKNOWN;
  }
}
