package io.revops.salesforce;

import io.revops.salesforce.SalesforceApiException.Kind;
import io.revops.salesforce.internal.HttpExecutor.Answer;
import io.revops.salesforce.internal.Json;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Reads successful response bodies into the SDK's values, tolerating absent optional members. */
final class Responses {
  private static final String DEFAULT_FIX = "Check the instance URL and API version.";
  /** What a caller of a composite call must do when its answer cannot be taken at its word. */
  private static final String COMPOSITE_FIX = "The subrequests may or may not have been processed: check the"
      + " records before repeating the call.";

  private Responses() {}

  static Map<String, ?> object(Answer answer, String operation) {
    return object(answer, operation, DEFAULT_FIX);
  }

  private static Map<String, ?> object(Answer answer, String operation, String fix) {
    Object json = parse(answer, operation, fix);
    if (json instanceof Map<?, ?> map) {
      @SuppressWarnings("unchecked")
      Map<String, ?> typed = (Map<String, ?>) map;
      return typed;
    }
    throw unexpected(operation, answer, "expected a JSON object", fix);
  }

  static Object parse(Answer answer, String operation) {
    return parse(answer, operation, DEFAULT_FIX);
  }

  private static Object parse(Answer answer, String operation, String fix) {
    try {
      return Json.parse(answer.body());
    } catch (IOException | RuntimeException e) {
      throw unexpected(operation, answer, "the body is not JSON", fix);
    }
  }

  static QueryPage queryPage(Answer answer, String operation) {
    try {
      return QueryPage.fromJson(object(answer, operation), "");
    } catch (IllegalArgumentException e) {
      throw unexpected(operation, answer, e.getMessage());
    }
  }

  static SalesforceId createdId(Answer answer, String operation) {
    Object id = object(answer, operation).get("id");
    if (id instanceof String s && SalesforceId.isValid(s)) {
      return SalesforceId.of(s);
    }
    throw unexpected(operation, answer, "no record id in the create response");
  }

  static SObjectDescribe describe(Answer answer, String operation) {
    Map<String, ?> json = object(answer, operation);
    List<FieldDescribe> fields = new ArrayList<>();
    for (Map<?, ?> f : maps(json.get("fields"))) {
      List<PicklistValue> picklist = new ArrayList<>();
      for (Map<?, ?> p : maps(f.get("picklistValues"))) {
        picklist.add(new PicklistValue(text(p.get("value")), text(p.get("label")), flag(p.get("active")),
            flag(p.get("defaultValue"))));
      }
      List<String> referenceTo = new ArrayList<>();
      if (f.get("referenceTo") instanceof List<?> refs) {
        refs.forEach(r -> referenceTo.add(text(r)));
      }
      fields.add(new FieldDescribe(text(f.get("name")), text(f.get("label")), text(f.get("type")),
          flag(f.get("updateable")), flag(f.get("createable")), flag(f.get("nillable")),
          flag(f.get("calculated")), count(f.get("length")), count(f.get("precision")), count(f.get("scale")),
          count(f.get("digits")), referenceTo, flag(f.get("restrictedPicklist")), picklist));
    }
    Optional<String> keyPrefix = json.get("keyPrefix") instanceof String s ? Optional.of(s) : Optional.empty();
    return new SObjectDescribe(text(json.get("name")), text(json.get("label")), keyPrefix,
        flag(json.get("queryable")), flag(json.get("createable")), flag(json.get("updateable")), fields);
  }

  /**
   * The results of {@code request}: one per subrequest, each naming one of its referenceIds and carrying
   * an HTTP status. A body without a {@code compositeResponse} array is an unexpected response; results
   * that do not match the subrequests raise {@link CompositeMismatchException}, which carries them for
   * diagnosis only.
   */
  static CompositeResponse composite(Answer answer, String operation, CompositeRequest request) {
    if (!(object(answer, operation, COMPOSITE_FIX).get("compositeResponse") instanceof List<?> entries)) {
      throw unexpected(operation, answer, "no compositeResponse array", COMPOSITE_FIX);
    }
    List<CompositeSubresponse> results = new ArrayList<>();
    for (Object entry : entries) {
      if (!(entry instanceof Map<?, ?> r)) {
        throw unexpected(operation, answer, "a compositeResponse entry is not an object", COMPOSITE_FIX);
      }
      int status = number(r.get("httpStatusCode")).intValue();
      Object body = r.get("body");
      List<ApiError> errors = status >= 300 ? errors(body) : List.of();
      Map<String, String> headers = new LinkedHashMap<>();
      if (r.get("httpHeaders") instanceof Map<?, ?> h) {
        h.forEach((k, v) -> headers.put(text(k), text(v)));
      }
      results.add(new CompositeSubresponse(text(r.get("referenceId")), status, Optional.ofNullable(body),
          errors, headers));
    }
    CompositeResponse response = new CompositeResponse(results);
    String mismatch = mismatch(request, response);
    if (!mismatch.isEmpty()) {
      throw new CompositeMismatchException(operation + " returned " + answer.status() + " with results that do not"
          + " match the request: " + mismatch + ". " + COMPOSITE_FIX, answer.status(), response);
    }
    return response;
  }

  /** Why {@code response} does not answer {@code request} one result per subrequest, or empty when it does. */
  private static String mismatch(CompositeRequest request, CompositeResponse response) {
    List<String> asked = request.subrequests().stream().map(CompositeSubrequest::referenceId).toList();
    List<String> answered = response.results().stream().map(CompositeSubresponse::referenceId).toList();
    List<String> problems = new ArrayList<>();
    if (answered.size() != asked.size()) {
      problems.add(answered.size() + (answered.size() == 1 ? " result" : " results") + " for " + asked.size()
          + (asked.size() == 1 ? " subrequest" : " subrequests"));
    }
    List<String> missing = asked.stream().filter(ref -> !answered.contains(ref)).toList();
    if (!missing.isEmpty()) {
      problems.add("no result for " + String.join(", ", missing));
    }
    Set<String> seen = new HashSet<>();
    List<String> unknown = answered.stream().filter(ref -> !asked.contains(ref) || !seen.add(ref)).distinct().toList();
    if (!unknown.isEmpty()) {
      problems.add("unrequested or repeated results for " + unknown.stream().map(ref -> "'" + ref + "'")
          .collect(Collectors.joining(", ")));
    }
    List<String> statusless = response.results().stream()
        .filter(r -> r.httpStatus() < 100 || r.httpStatus() > 599).map(CompositeSubresponse::referenceId).toList();
    if (!statusless.isEmpty()) {
      problems.add("no HTTP status for " + String.join(", ", statusless));
    }
    return String.join("; ", problems);
  }

  static UserInfo userInfo(Answer answer, String operation) {
    Map<String, ?> json = object(answer, operation);
    return new UserInfo(text(json.get("preferred_username")), text(json.get("email")), text(json.get("user_id")),
        text(json.get("name")), text(json.get("organization_id")));
  }

  static OrgLimits limits(Answer answer, String operation) {
    Map<String, OrgLimit> limits = new LinkedHashMap<>();
    object(answer, operation).forEach((name, value) -> {
      if (value instanceof Map<?, ?> m && m.get("Max") instanceof BigDecimal) {
        limits.put(name, new OrgLimit(number(m.get("Max")).longValue(), number(m.get("Remaining")).longValue()));
      }
    });
    return new OrgLimits(limits);
  }

  private static List<ApiError> errors(Object body) {
    List<ApiError> errors = new ArrayList<>();
    if (body instanceof List<?> list) {
      for (Object item : list) {
        if (item instanceof Map<?, ?> e) {
          List<String> fields = new ArrayList<>();
          if (e.get("fields") instanceof List<?> fs) {
            fs.forEach(f -> fields.add(text(f)));
          }
          errors.add(new ApiError(text(e.get("message")), text(e.get("errorCode")), fields));
        }
      }
    }
    return errors;
  }

  private static List<Map<?, ?>> maps(Object value) {
    List<Map<?, ?>> out = new ArrayList<>();
    if (value instanceof List<?> list) {
      list.forEach(item -> {
        if (item instanceof Map<?, ?> m) {
          out.add(m);
        }
      });
    }
    return out;
  }

  private static String text(Object value) {
    return value == null ? "" : value instanceof BigDecimal d ? d.toPlainString() : value.toString();
  }

  private static boolean flag(Object value) {
    return Boolean.TRUE.equals(value);
  }

  /** A describe size (length, precision, scale, digits): a non-negative whole number, else 0 (not reported). */
  private static int count(Object value) {
    BigDecimal n = number(value);
    return n.signum() > 0 && n.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) <= 0 ? n.intValue() : 0;
  }

  private static BigDecimal number(Object value) {
    return value instanceof BigDecimal d ? d : BigDecimal.ZERO;
  }

  private static SalesforceApiException unexpected(String operation, Answer answer, String why) {
    return unexpected(operation, answer, why, DEFAULT_FIX);
  }

  private static SalesforceApiException unexpected(String operation, Answer answer, String why, String fix) {
    String body = answer.body().replaceAll("\\s+", " ").strip();
    String slice = body.length() <= 200 ? body : body.substring(0, 200) + "…";
    return new SalesforceApiException(Kind.UNEXPECTED_RESPONSE,
        operation + " returned " + answer.status() + " but the response could not be read (" + why + "): '"
            + slice + "'. " + fix,
        answer.status(), "", List.of(), Optional.empty(), null);
  }
}
