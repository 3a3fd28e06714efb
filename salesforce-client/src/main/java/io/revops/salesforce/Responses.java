package io.revops.salesforce;

import io.revops.salesforce.SalesforceApiException.Kind;
import io.revops.salesforce.internal.HttpExecutor.Answer;
import io.revops.salesforce.internal.Json;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads successful response bodies into the SDK's values, tolerating absent optional members. */
final class Responses {
  private Responses() {}

  static Map<String, ?> object(Answer answer, String operation) {
    Object json = parse(answer, operation);
    if (json instanceof Map<?, ?> map) {
      @SuppressWarnings("unchecked")
      Map<String, ?> typed = (Map<String, ?>) map;
      return typed;
    }
    throw unexpected(operation, answer, "expected a JSON object");
  }

  static Object parse(Answer answer, String operation) {
    try {
      return Json.parse(answer.body());
    } catch (IOException | RuntimeException e) {
      throw unexpected(operation, answer, "the body is not JSON");
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
          flag(f.get("calculated")), number(f.get("length")).intValue(), referenceTo, picklist));
    }
    Optional<String> keyPrefix = json.get("keyPrefix") instanceof String s ? Optional.of(s) : Optional.empty();
    return new SObjectDescribe(text(json.get("name")), text(json.get("label")), keyPrefix,
        flag(json.get("queryable")), flag(json.get("createable")), flag(json.get("updateable")), fields);
  }

  static CompositeResponse composite(Answer answer, String operation) {
    List<CompositeSubresponse> results = new ArrayList<>();
    for (Map<?, ?> r : maps(object(answer, operation).get("compositeResponse"))) {
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
    return new CompositeResponse(results);
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

  private static BigDecimal number(Object value) {
    return value instanceof BigDecimal d ? d : BigDecimal.ZERO;
  }

  private static SalesforceApiException unexpected(String operation, Answer answer, String why) {
    String body = answer.body().replaceAll("\\s+", " ").strip();
    String slice = body.length() <= 200 ? body : body.substring(0, 200) + "…";
    return new SalesforceApiException(Kind.UNEXPECTED_RESPONSE,
        operation + " returned " + answer.status() + " but the response could not be read (" + why + "): '"
            + slice + "'. Check the instance URL and API version.",
        answer.status(), "", List.of(), Optional.empty(), null);
  }
}
