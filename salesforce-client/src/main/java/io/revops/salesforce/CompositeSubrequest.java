package io.revops.salesforce;

import io.revops.salesforce.internal.Validate;
import io.revops.salesforce.soql.GuardedQuery;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One subrequest of a {@link CompositeRequest}, made only by the factories below, so a composite call
 * can reach nothing but sObject records and guarded queries. Body values and the id of
 * {@link #updateByReference} may reference earlier results as {@code @{referenceId.field}}, e.g.
 * {@code @{note.id}}. Immutable.
 */
public final class CompositeSubrequest {
  private static final Pattern REFERENCE_ID = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,79}");
  private static final Pattern REFERENCE = Pattern.compile("@\\{[A-Za-z][A-Za-z0-9_]*(?:\\.[A-Za-z0-9_]+|\\[\\d+])+}");

  private final String method;
  private final String path;
  private final String referenceId;
  private final Optional<Map<String, Object>> body;

  private CompositeSubrequest(String method, String path, String referenceId, Optional<Map<String, Object>> body) {
    if (referenceId == null || !REFERENCE_ID.matcher(referenceId).matches()) {
      throw new IllegalArgumentException("referenceId '" + referenceId + "' is invalid:"
          + " use letters, digits and underscores, starting with a letter (e.g. audit)");
    }
    this.method = method;
    this.path = path;
    this.referenceId = referenceId;
    this.body = body;
  }

  /** {@code POST sobjects/{type}}: creates a record; its result body carries {@code id}. */
  public static CompositeSubrequest create(String referenceId, String sObjectType, Map<String, ?> fields) {
    Validate.sObjectType(sObjectType, "sObjectType");
    return new CompositeSubrequest("POST", "sobjects/" + sObjectType, referenceId,
        Optional.of(Validate.fieldValues(fields, "fields")));
  }

  /** {@code PATCH sobjects/{type}/{id}} with only the changed fields ({@code null} clears a field). */
  public static CompositeSubrequest update(
      String referenceId, String sObjectType, SalesforceId id, Map<String, ?> changedFields) {
    return updateByReference(referenceId, sObjectType, Objects.requireNonNull(id, "id").to18(), changedFields);
  }

  /**
   * {@code PATCH sobjects/{type}/{idOrReference}}, where the id may be a reference such as
   * {@code @{audit.id}} to a record created earlier in the same call.
   */
  public static CompositeSubrequest updateByReference(
      String referenceId, String sObjectType, String idOrReference, Map<String, ?> changedFields) {
    Validate.sObjectType(sObjectType, "sObjectType");
    String id = idOrReference(idOrReference);
    return new CompositeSubrequest("PATCH", "sobjects/" + sObjectType + "/" + id, referenceId,
        Optional.of(Validate.fieldValues(changedFields, "changedFields")));
  }

  /** {@code GET sobjects/{type}/{id}}. */
  public static CompositeSubrequest retrieve(String referenceId, String sObjectType, SalesforceId id) {
    Validate.sObjectType(sObjectType, "sObjectType");
    return new CompositeSubrequest("GET", "sobjects/" + sObjectType + "/" + Objects.requireNonNull(id, "id").to18(),
        referenceId, Optional.empty());
  }

  /** {@code GET query?q=...}: a guarded query; later subrequests may use e.g. {@code @{q.records[0].Id}}. */
  public static CompositeSubrequest query(String referenceId, GuardedQuery query) {
    Objects.requireNonNull(query, "query");
    return new CompositeSubrequest("GET", "query?q=" + URLEncoder.encode(query.soql(), StandardCharsets.UTF_8),
        referenceId, Optional.empty());
  }

  /** GET, POST or PATCH. */
  public String method() {
    return method;
  }

  /** The path below {@code /services/data/vNN.N/}, e.g. {@code sobjects/Opportunity/006...}. */
  public String path() {
    return path;
  }

  /** This subrequest's unique name within the composite call. */
  public String referenceId() {
    return referenceId;
  }

  /** The JSON body fields, for POST and PATCH. */
  public Optional<Map<String, Object>> body() {
    return body;
  }

  private static String idOrReference(String value) {
    if (value != null && (SalesforceId.isValid(value) || REFERENCE.matcher(value).matches())) {
      return SalesforceId.isValid(value) ? SalesforceId.of(value).to18() : value;
    }
    throw new IllegalArgumentException("idOrReference '" + value
        + "' is neither a Salesforce id nor a reference: pass an id or e.g. @{audit.id}");
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CompositeSubrequest other && other.method.equals(method) && other.path.equals(path)
        && other.referenceId.equals(referenceId) && other.body.equals(body);
  }

  @Override
  public int hashCode() {
    return Objects.hash(method, path, referenceId, body);
  }

  @Override
  public String toString() {
    return "CompositeSubrequest[" + referenceId + ": " + method + " " + path + body.map(b -> " " + b).orElse("") + "]";
  }
}
