package io.revops.clari;

/** Clari's export capacity is exhausted: monthly quota or concurrent-job limit ({@code export_monthly_quota_reached}, which Clari sends as HTTP 400), or no export slot freed up while waiting. */
public class ClariCapacityException extends ClariApiException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; {@code errorCode} and {@code errorId} may be null. */
  public ClariCapacityException(String message, int httpStatus, String errorCode, String errorId, Throwable cause) {
    super(message, httpStatus, errorCode, errorId, cause);
  }
}
