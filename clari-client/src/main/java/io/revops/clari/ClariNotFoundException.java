package io.revops.clari;

/** The named Clari resource does not exist, e.g. an unknown forecast id ({@code no_such_forecast_config}) or HTTP 404. */
public class ClariNotFoundException extends ClariApiException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; {@code errorCode} and {@code errorId} may be null. */
  public ClariNotFoundException(String message, int httpStatus, String errorCode, String errorId, Throwable cause) {
    super(message, httpStatus, errorCode, errorId, cause);
  }
}
