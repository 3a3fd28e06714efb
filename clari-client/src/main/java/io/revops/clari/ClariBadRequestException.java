package io.revops.clari;

/** Clari refused the request as invalid (HTTP 4xx other than authentication, capacity, not found and rate limit). */
public class ClariBadRequestException extends ClariApiException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; {@code errorCode} and {@code errorId} may be null. */
  public ClariBadRequestException(String message, int httpStatus, String errorCode, String errorId, Throwable cause) {
    super(message, httpStatus, errorCode, errorId, cause);
  }
}
