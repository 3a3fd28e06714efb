package io.revops.salesforce;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Root of every failure the Salesforce SDK reports for a call it attempted: Salesforce's answer was an
 * error ({@link #httpStatus()} &gt; 0), or the call could not complete ({@link SalesforceTransportException}).
 * {@link #kind()} tells the cases apart; the message says what failed, why, and what to do, and never
 * contains an access token.
 */
public class SalesforceApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** What went wrong, in the terms a caller acts on. */
  public enum Kind {
    /** 401 INVALID_SESSION_ID: the token expired or was revoked and could not be refreshed. */
    SESSION_EXPIRED,
    /**
     * No token could be obtained: the OAuth token endpoint refused the credentials ({@code invalid_grant},
     * {@code invalid_client}, ...), or the token command failed. Retrying will not help until the
     * credentials or the app's setup are fixed.
     */
    AUTHENTICATION_FAILED,
    /** 403 REQUEST_LIMIT_EXCEEDED: the org's API allowance is used up. Not an authentication problem. */
    API_LIMIT_EXCEEDED,
    /** Any other 403: the running user or org may not do this. */
    PERMISSION_DENIED,
    /** 404: no such record or object, or hidden by sharing. */
    NOT_FOUND,
    /** 400 MALFORMED_QUERY. */
    MALFORMED_QUERY,
    /** 400 INVALID_FIELD: unknown field, or one hidden by field-level security. */
    INVALID_FIELD,
    /** Any other 4xx. */
    BAD_REQUEST,
    /** 5xx: a Salesforce server error or maintenance. */
    SERVER_ERROR,
    /** A status or body the SDK does not understand (e.g. 300, or unreadable JSON on success). */
    UNEXPECTED_RESPONSE,
    /** The request certainly did not reach Salesforce (e.g. connection refused); safe to retry. */
    REQUEST_NOT_SENT,
    /** The request may have reached Salesforce but no answer came (timeout, broken connection). */
    OUTCOME_UNKNOWN
  }

  private final Kind kind;
  private final int httpStatus;
  private final String errorCode;
  private final List<ApiError> errors;
  private final ApiUsage apiUsage;

  /**
   * @param httpStatus Salesforce's HTTP status, or 0 when no response arrived
   * @param errorCode Salesforce's first errorCode, or empty
   */
  public SalesforceApiException(
      Kind kind, String message, int httpStatus, String errorCode, List<ApiError> errors,
      Optional<ApiUsage> apiUsage, Throwable cause) {
    super(message, cause);
    this.kind = Objects.requireNonNull(kind, "kind");
    this.httpStatus = httpStatus;
    this.errorCode = Objects.requireNonNull(errorCode, "errorCode");
    this.errors = List.copyOf(errors);
    this.apiUsage = apiUsage.orElse(null);
  }

  public Kind kind() {
    return kind;
  }

  /** Salesforce's HTTP status, or 0 when no response arrived. */
  public int httpStatus() {
    return httpStatus;
  }

  /** The first error's code, e.g. {@code INVALID_FIELD}; empty when Salesforce gave none. */
  public String errorCode() {
    return errorCode;
  }

  /** Every entry of Salesforce's error array, possibly empty. */
  public List<ApiError> errors() {
    return errors;
  }

  /** The API usage reported with this response, when the header was present. */
  public Optional<ApiUsage> apiUsage() {
    return Optional.ofNullable(apiUsage);
  }
}
