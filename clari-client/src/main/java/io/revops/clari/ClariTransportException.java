package io.revops.clari;

/** No usable response arrived: network failure, timeout or interruption (HTTP status 0). */
public class ClariTransportException extends ClariApiException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; {@code errorCode} and {@code errorId} may be null. */
  public ClariTransportException(String message, int httpStatus, String errorCode, String errorId, Throwable cause) {
    super(message, httpStatus, errorCode, errorId, cause);
  }
}
