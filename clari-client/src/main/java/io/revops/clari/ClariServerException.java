package io.revops.clari;

/** Clari failed on its side (HTTP 5xx) after the allowed retries, or answered with a body this client cannot read. */
public class ClariServerException extends ClariApiException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; {@code errorCode} and {@code errorId} may be null. */
  public ClariServerException(String message, int httpStatus, String errorCode, String errorId, Throwable cause) {
    super(message, httpStatus, errorCode, errorId, cause);
  }
}
