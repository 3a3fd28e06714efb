package io.revops.clari;

/** Clari rejected the API token or its user's permissions (HTTP 401/403, or code {@code no_optin}). */
public class ClariAuthenticationException extends ClariApiException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; {@code errorCode} and {@code errorId} may be null. */
  public ClariAuthenticationException(String message, int httpStatus, String errorCode, String errorId, Throwable cause) {
    super(message, httpStatus, errorCode, errorId, cause);
  }
}
