package io.revops.sandbox.internal.salesforce;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An answer in Salesforce's error shape: an HTTP status and a JSON array of
 * {@code {message, errorCode[, fields]}}. Thrown anywhere in request handling and rendered once.
 */
public final class SalesforceError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String errorCode;
  private final List<String> fields;
  private final boolean withFields;

  private SalesforceError(int status, String errorCode, String message, List<String> fields, boolean withFields) {
    super(message, null, false, false);
    this.status = status;
    this.errorCode = errorCode;
    this.fields = List.copyOf(fields);
    this.withFields = withFields;
  }

  /** A query or request error: {@code {message, errorCode}}. */
  public static SalesforceError of(int status, String errorCode, String message) {
    return new SalesforceError(status, errorCode, message, List.of(), false);
  }

  /** A DML error, which always carries {@code fields} (possibly empty). */
  public static SalesforceError dml(String errorCode, String message, List<String> fields) {
    return new SalesforceError(400, errorCode, message, fields, true);
  }

  public static SalesforceError malformedQuery(String message) {
    return of(400, "MALFORMED_QUERY", message);
  }

  public static SalesforceError invalidField(String message) {
    return of(400, "INVALID_FIELD", message);
  }

  public static SalesforceError notFound() {
    return of(404, "NOT_FOUND", "The requested resource does not exist");
  }

  /** Salesforce's message for an unknown field in a query. */
  public static SalesforceError noSuchColumn(String field, String object) {
    return invalidField("No such column '" + field + "' on entity '" + object + "'. If you are attempting to use a"
        + " custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the"
        + " describe call for the appropriate names.");
  }

  /** Salesforce's message for an unknown object. */
  public static SalesforceError invalidType(String object) {
    return of(400, "INVALID_TYPE", "sObject type '" + object + "' is not supported. If you are attempting to use a"
        + " custom object, be sure to append the '__c' after the entity name. Please reference your WSDL or the"
        + " describe call for the appropriate names.");
  }

  public int status() {
    return status;
  }

  public String errorCode() {
    return errorCode;
  }

  /** The JSON body: an array with this one error. */
  public List<Object> body() {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("message", getMessage());
    error.put("errorCode", errorCode);
    if (withFields) {
      error.put("fields", new ArrayList<>(fields));
    }
    List<Object> body = new ArrayList<>();
    body.add(error);
    return body;
  }
}
