package io.revops.clari;

import java.util.Optional;

/**
 * Root of every failure raised by {@link ClariClient}: carries Clari's HTTP status (0 when no response
 * arrived), Clari's error code and error id when it sent them, and a message saying what failed, why
 * and what to do. Never contains the API token.
 */
public class ClariApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int httpStatus;
  private final String errorCode;
  private final String errorId;

  /** Creates an exception; {@code errorCode} and {@code errorId} may be null when Clari sent none. */
  public ClariApiException(String message, int httpStatus, String errorCode, String errorId, Throwable cause) {
    super(message, cause);
    this.httpStatus = httpStatus;
    this.errorCode = errorCode;
    this.errorId = errorId;
  }

  /** The HTTP status Clari answered with, or 0 when the failure happened before any response. */
  public int httpStatus() {
    return httpStatus;
  }

  /** Clari's error code, e.g. {@code no_such_forecast_config}, when the response carried one. */
  public Optional<String> errorCode() {
    return Optional.ofNullable(errorCode);
  }

  /** Clari's error id (quote it to Clari support), when the response carried one. */
  public Optional<String> errorId() {
    return Optional.ofNullable(errorId);
  }
}
