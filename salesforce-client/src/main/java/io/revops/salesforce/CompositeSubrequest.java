package io.revops.salesforce;

import io.revops.salesforce.internal.Validate;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One subrequest of a {@link CompositeRequest}. Its {@code path} is relative to the versioned base
 * ({@code sobjects/Opportunity/006...}); the client prefixes {@code /services/data/vNN.N/}. Paths and
 * body values may reference earlier results as {@code @{referenceId.field}}, e.g. {@code @{note.id}}.
 *
 * @param method GET, POST, PATCH or DELETE
 * @param path path below {@code /services/data/vNN.N/}, without a leading slash
 * @param referenceId unique name of this subrequest within the composite call
 * @param body the JSON body fields, for POST and PATCH
 */
public record CompositeSubrequest(String method, String path, String referenceId, Optional<Map<String, Object>> body) {
  private static final Pattern REFERENCE_ID = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,79}");
  private static final Pattern PATH = Pattern.compile("[A-Za-z0-9_./@{}\\[\\]\\-]+(\\?[^\\s#]*)?");

  public CompositeSubrequest {
    Objects.requireNonNull(method, "method");
    if (!method.matches("GET|POST|PATCH|DELETE")) {
      throw new IllegalArgumentException("method '" + method + "' is not allowed: use GET, POST, PATCH or DELETE");
    }
    if (path == null || path.startsWith("/") || path.contains("..") || !PATH.matcher(path).matches()) {
      throw new IllegalArgumentException("path '" + path + "' is not a relative API path:"
          + " pass e.g. sobjects/Opportunity/006Dn00000A1b2cIAB (no leading slash, no host, no '..')");
    }
    if (referenceId == null || !REFERENCE_ID.matcher(referenceId).matches()) {
      throw new IllegalArgumentException("referenceId '" + referenceId + "' is invalid:"
          + " use letters, digits and underscores, starting with a letter (e.g. audit)");
    }
    Objects.requireNonNull(body, "body");
    body = body.map(b -> Validate.fieldValues(b, "body"));
  }

  /** {@code POST sobjects/{type}}: creates a record; its result body carries {@code id}. */
  public static CompositeSubrequest create(String referenceId, String sObjectType, Map<String, ?> fields) {
    Validate.sObjectType(sObjectType, "sObjectType");
    return new CompositeSubrequest("POST", "sobjects/" + sObjectType, referenceId,
        Optional.of(Validate.fieldValues(fields, "fields")));
  }

  /** {@code PATCH sobjects/{type}/{id}} with only the changed fields. */
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
    if (idOrReference == null
        || !(SalesforceId.isValid(idOrReference) || idOrReference.matches("@\\{[A-Za-z0-9_.\\[\\]]+}"))) {
      throw new IllegalArgumentException("idOrReference '" + idOrReference
          + "' is neither a Salesforce id nor a reference: pass an id or e.g. @{audit.id}");
    }
    return new CompositeSubrequest("PATCH", "sobjects/" + sObjectType + "/" + idOrReference, referenceId,
        Optional.of(Validate.fieldValues(changedFields, "changedFields")));
  }

  /** {@code GET sobjects/{type}/{id}}. */
  public static CompositeSubrequest retrieve(String referenceId, String sObjectType, SalesforceId id) {
    Validate.sObjectType(sObjectType, "sObjectType");
    return new CompositeSubrequest("GET", "sobjects/" + sObjectType + "/" + id.to18(), referenceId,
        Optional.empty());
  }
}
