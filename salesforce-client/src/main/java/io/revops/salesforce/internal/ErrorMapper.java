package io.revops.salesforce.internal;

import io.revops.salesforce.ApiError;
import io.revops.salesforce.ApiUsage;
import io.revops.salesforce.SalesforceApiException;
import io.revops.salesforce.SalesforceApiException.Kind;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The one place that turns an error response into a {@link SalesforceApiException}. */
public final class ErrorMapper {
  /** Longest slice of a non-JSON body quoted in a message. */
  static final int MAX_QUOTED_BODY = 200;

  private ErrorMapper() {}

  /**
   * Maps an error answer.
   *
   * @param operation e.g. {@code GET /services/data/v60.0/query}
   * @param advice what to do, for a 401 (the token provider's advice); ignored otherwise
   * @param secret a value that must never appear in the message (the token), redacted if echoed
   */
  public static SalesforceApiException map(
      String operation, int status, String body, Optional<ApiUsage> usage, String advice, String secret) {
    return map(operation, status, body, usage, advice, "", secret);
  }

  /** Like {@link #map(String, int, String, Optional, String, String)}, with {@code note} after the status. */
  public static SalesforceApiException map(String operation, int status, String body, Optional<ApiUsage> usage,
      String advice, String note, String secret) {
    List<ApiError> errors = parseErrors(redact(body, secret)); // a server may echo the request's token
    String code = errors.isEmpty() ? "" : errors.get(0).errorCode();
    String detail = errors.isEmpty() ? quote(body) : summarize(errors);
    Kind kind = kindOf(status, code);
    String message = operation + " failed: Salesforce answered " + status + (code.isEmpty() ? "" : " " + code)
        + (detail.isEmpty() ? "" : ": " + stripPeriod(detail)) + note + ". " + adviceFor(kind, code, usage, advice)
        + writeCaveat(operation, status);
    return new SalesforceApiException(kind, redact(message, secret), status, code, errors, usage, null);
  }

  private static String stripPeriod(String text) {
    return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
  }

  /** A gateway that gave up (502, 504) may have passed a write on to Salesforce. */
  private static String writeCaveat(String operation, int status) {
    boolean write = !operation.startsWith("GET ");
    return write && (status == 502 || status == 504)
        ? " The request was a write and the gateway gave up waiting, so Salesforce may still have processed it:"
            + " check the record before repeating it."
        : "";
  }

  static Kind kindOf(int status, String code) {
    if (status == 401) {
      return Kind.SESSION_EXPIRED;
    }
    if (code.equals("REQUEST_LIMIT_EXCEEDED")) {
      return Kind.API_LIMIT_EXCEEDED;
    }
    if (status == 403) {
      return Kind.PERMISSION_DENIED;
    }
    if (status == 404) {
      return Kind.NOT_FOUND;
    }
    if (code.equals("MALFORMED_QUERY")) {
      return Kind.MALFORMED_QUERY;
    }
    if (code.equals("INVALID_FIELD")) {
      return Kind.INVALID_FIELD;
    }
    if (status >= 500) {
      return Kind.SERVER_ERROR;
    }
    if (status >= 400) {
      return Kind.BAD_REQUEST;
    }
    return Kind.UNEXPECTED_RESPONSE;
  }

  private static String adviceFor(Kind kind, String code, Optional<ApiUsage> usage, String sessionAdvice) {
    return switch (kind) {
      case SESSION_EXPIRED -> "The access token is expired or invalid. " + sessionAdvice;
      case API_LIMIT_EXCEEDED -> "The org's API request limit is exhausted: "
          + usage.map(u -> "daily usage " + u + " (Sforce-Limit-Info)")
              .orElse("Salesforce sent no Sforce-Limit-Info header with the daily usage (Setup > Company"
                  + " Information shows API Requests, Last 24 Hours)")
          + ". This is not an authentication problem and retrying now will not help: wait for the rolling"
          + " 24-hour window to free calls, or ask a Salesforce admin to raise the limit.";
      case PERMISSION_DENIED -> "The running user or org is not allowed to do this; refreshing the token"
          + " will not help. Ask a Salesforce admin for the missing permission.";
      case NOT_FOUND -> "The record or object does not exist, was deleted, or is hidden from the running"
          + " user by sharing. Check the id and object name.";
      case MALFORMED_QUERY -> "Fix the SOQL syntax at the position Salesforce names.";
      case INVALID_FIELD -> "Check the field's API name and object (describe the object to list fields);"
          + " the field may also exist but be hidden from the running user by field-level security.";
      case SERVER_ERROR -> "Salesforce had a server error or is in maintenance; try again later.";
      case BAD_REQUEST -> switch (code) {
        case "INVALID_QUERY_LOCATOR" -> "The query cursor expired or is invalid; run the query again.";
        case "MALFORMED_ID" -> "Pass a valid 15- or 18-character record id.";
        case "INVALID_TYPE", "NOT_FOUND" -> "Check the object's API name; it may be hidden from the user.";
        case "GONE" -> "This API version is retired; configure a newer one (e.g. v60.0).";
        default -> "Fix the request as the message says.";
      };
      default -> "The SDK did not expect this answer; check the Salesforce instance URL and API version.";
    };
  }

  /** Parses Salesforce's error array, or an OAuth {@code {error, error_description}} object. */
  static List<ApiError> parseErrors(String body) {
    Object json;
    try {
      json = Json.parse(body);
    } catch (IOException | RuntimeException e) {
      return List.of();
    }
    List<ApiError> errors = new ArrayList<>();
    if (json instanceof List<?> list) {
      for (Object item : list) {
        if (item instanceof Map<?, ?> map) {
          errors.add(new ApiError(text(map.get("message")), text(map.get("errorCode")), fields(map.get("fields"))));
        }
      }
    } else if (json instanceof Map<?, ?> map && map.get("error") != null) {
      errors.add(new ApiError(text(map.get("error_description")), text(map.get("error")), List.of()));
    }
    return errors;
  }

  private static List<String> fields(Object value) {
    List<String> fields = new ArrayList<>();
    if (value instanceof List<?> list) {
      list.forEach(f -> fields.add(text(f)));
    }
    return fields;
  }

  private static String text(Object value) {
    return value == null ? "" : value instanceof java.math.BigDecimal d ? d.toPlainString() : value.toString();
  }

  private static String summarize(List<ApiError> errors) {
    StringBuilder sb = new StringBuilder();
    for (ApiError e : errors) {
      if (sb.length() > 0) {
        sb.append("; ");
      }
      sb.append(e.message().isEmpty() ? e.errorCode() : e.message());
      if (!e.fields().isEmpty()) {
        sb.append(" (fields ").append(String.join(", ", e.fields())).append(')');
      }
      if (sb.length() > 1000) {
        return sb.substring(0, 1000) + "…";
      }
    }
    return sb.toString();
  }

  /** A short, single-line slice of a non-JSON body, e.g. an HTML maintenance page. */
  static String quote(String body) {
    String oneLine = body.replaceAll("\\s+", " ").strip();
    if (oneLine.isEmpty()) {
      return "";
    }
    return oneLine.length() <= MAX_QUOTED_BODY
        ? "'" + oneLine + "'"
        : "'" + oneLine.substring(0, MAX_QUOTED_BODY) + "…' (" + body.length() + " characters, not JSON)";
  }

  /** Removes every one of {@code secrets} from {@code text} wherever it appears. */
  public static String redact(String text, String... secrets) {
    String redacted = text;
    for (String secret : secrets) {
      if (secret != null && !secret.isEmpty()) {
        redacted = redacted.replace(secret, "***");
      }
    }
    return redacted;
  }
}
