package io.revops.salesforce;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of one composite subrequest.
 *
 * @param referenceId the subrequest's referenceId
 * @param httpStatus the subrequest's own status (the composite call itself always answers 200)
 * @param body the parsed body (Map, List or scalar plain values), absent for 204
 * @param errors the error array when the subrequest failed, e.g. {@code PROCESSING_HALTED}
 * @param httpHeaders the subrequest's response headers
 */
public record CompositeSubresponse(
    String referenceId, int httpStatus, Optional<Object> body, List<ApiError> errors,
    Map<String, String> httpHeaders) {
  public CompositeSubresponse {
    Objects.requireNonNull(referenceId, "referenceId");
    Objects.requireNonNull(body, "body");
    errors = List.copyOf(errors);
    httpHeaders = Map.copyOf(httpHeaders);
  }

  /** True for a 2xx status. */
  public boolean succeeded() {
    return httpStatus >= 200 && httpStatus < 300;
  }

  /** The id a successful create returned. */
  public Optional<SalesforceId> createdId() {
    return body.filter(b -> succeeded())
        .filter(Map.class::isInstance).map(b -> ((Map<?, ?>) b).get("id"))
        .filter(String.class::isInstance).map(id -> SalesforceId.of((String) id));
  }

  /** The body as a record (e.g. for a GET subrequest). */
  public Optional<SObjectRecord> record() {
    return body.filter(b -> succeeded()).filter(Map.class::isInstance).map(b -> {
      @SuppressWarnings("unchecked")
      Map<String, ?> map = (Map<String, ?>) b;
      return SObjectRecord.of(map, "");
    });
  }

  /** The first error code, or empty. */
  public String errorCode() {
    return errors.isEmpty() ? "" : errors.get(0).errorCode();
  }

  static int status(Object value) {
    return value instanceof BigDecimal d ? d.intValue() : 0;
  }
}
