package io.revops.clari.internal;

import io.revops.clari.ClariApiException;
import io.revops.clari.ClariAuthenticationException;
import io.revops.clari.ClariBadRequestException;
import io.revops.clari.ClariCapacityException;
import io.revops.clari.ClariNotFoundException;
import io.revops.clari.ClariRateLimitException;
import io.revops.clari.ClariServerException;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Turns Clari's error responses (every shape in the notes, parsed tolerantly) into the exception family. */
public final class ErrorMapper {
  /** Clari's code for a full monthly quota or concurrency limit (sent as HTTP 400). */
  public static final String QUOTA_REACHED = "export_monthly_quota_reached";
  /** Clari's code for an unknown forecast id. */
  public static final String NO_SUCH_FORECAST = "no_such_forecast_config";

  private static final int MAX_DETAIL = 300;

  private ErrorMapper() {
  }

  /** Clari's error in a response body: code, message and error id, each possibly absent. */
  public record ClariError(Optional<String> code, Optional<String> message, Optional<String> errorId) {
  }

  /** Reads any of Clari's error shapes; never throws. */
  public static ClariError parse(String body) {
    Object json;
    try {
      json = body == null || body.isBlank() ? null : Json.parse(body);
    } catch (IOException | RuntimeException e) {
      json = null;
    }
    if (json instanceof List<?> list && !list.isEmpty()) { // /opportunity: [{statusCode, reaspnPhrase, description, details}]
      Map<String, Object> first = Json.object(list.get(0));
      String message = join(Json.string(first, "description"), Json.string(first, "details"));
      return new ClariError(Json.string(first, "reaspnPhrase"), Optional.ofNullable(message), Optional.empty());
    }
    Map<String, Object> map = Json.object(json);
    List<Map<String, Object>> errors = Json.objects(map, "errors");
    if (!errors.isEmpty()) { // audit: {"errors":[{code, message, target, details}]}
      Map<String, Object> first = errors.get(0);
      String message = join(Json.string(first, "message"), Json.string(first, "details"));
      return new ClariError(Json.string(first, "code"), Optional.ofNullable(message), Optional.empty());
    }
    if (!map.isEmpty()) { // export/jobs/limits {code, namespace, errorId, message, orgId}; gateway {message}; ingest {error}
      Optional<String> message = Json.string(map, "message").or(() -> Json.string(map, "error"));
      return new ClariError(Json.string(map, "code"), message, Json.string(map, "errorId"));
    }
    String text = body == null ? "" : body.strip();
    return new ClariError(Optional.empty(), text.isEmpty() ? Optional.empty()
        : Optional.of(text.length() > MAX_DETAIL ? text.substring(0, MAX_DETAIL) + "..." : text), Optional.empty());
  }

  /** The exception for an HTTP error {@code status} of {@code operation} (e.g. "GET /admin/limits"). */
  public static ClariApiException toException(int status, String body, String operation, Duration retryAfter) {
    ClariError error = parse(body);
    String code = error.code().orElse(null);
    String errorId = error.errorId().orElse(null);
    String clari = "Clari " + operation + " failed with HTTP " + status + (code == null ? "" : " " + code)
        + error.message().map(m -> ": " + m).orElse("") + ". ";
    if (QUOTA_REACHED.equals(code)) {
      return new ClariCapacityException(clari + "The org's export quota or concurrent-job limit is used up: wait for"
          + " running exports (see getAdminLimits()), cancel jobs you no longer need, or submit with schedule ONCE/MAX.",
          status, code, errorId, null);
    }
    if (NO_SUCH_FORECAST.equals(code) || "missing_forecast_id".equals(code)) {
      return new ClariNotFoundException(clari + "The forecast id is wrong: use the Forecast Tab id from the Clari UI"
          + " URL, e.g. net_arr in https://app.clari.com/forecast/net_arr.", status, code, errorId, null);
    }
    if (status == 401 || status == 403 || "no_optin".equals(code)) {
      return new ClariAuthenticationException(clari + "Check the Clari API token (Settings -> API Token; it is revoked"
          + " when its user is deactivated, so use a service user) and that its user may use this API"
          + " (no_optin: ask your Clari admin or CSM to opt the user in).", status, code, errorId, null);
    }
    if (status == 404) {
      return new ClariNotFoundException(clari + "Check the id in the request.", status, code, errorId, null);
    }
    if (status == 429) {
      return new ClariRateLimitException(clari + "Clari is rate limiting this token; retry later"
          + (retryAfter == null ? "." : " (Clari asked to wait " + retryAfter.toSeconds() + " s)."), code, errorId,
          retryAfter);
    }
    if (status >= 500) {
      return new ClariServerException(clari + "Clari failed on its side; retry later"
          + (errorId == null ? "." : ", and quote errorId " + errorId + " to Clari support if it persists."),
          status, code, errorId, null);
    }
    return new ClariBadRequestException(clari + "Fix the request as Clari's message says.", status, code, errorId, null);
  }

  private static String join(Optional<String> first, Optional<String> second) {
    if (first.isPresent() && second.isPresent()) {
      return first.get() + " (" + second.get() + ")";
    }
    return first.or(() -> second).orElse(null);
  }
}
