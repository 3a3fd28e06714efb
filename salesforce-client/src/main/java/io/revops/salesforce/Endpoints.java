package io.revops.salesforce;

import io.revops.salesforce.internal.ApiRequest;
import io.revops.salesforce.internal.Json;
import io.revops.salesforce.internal.Validate;
import io.revops.salesforce.soql.GuardedQuery;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Builds the request of every operation from validated arguments; shared by execution and dry runs. */
final class Endpoints {
  private final String apiVersion;
  private final String base;

  Endpoints(String apiVersion) {
    this.apiVersion = apiVersion;
    this.base = "/services/data/" + apiVersion + "/";
  }

  ApiRequest retrieve(String sObjectType, SalesforceId id, List<String> fields) {
    Validate.sObjectType(sObjectType, "sObjectType");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(fields, "fields");
    String path = base + "sobjects/" + sObjectType + "/" + id.to18();
    if (fields.isEmpty()) {
      return ApiRequest.get(path);
    }
    fields.forEach(f -> Validate.fieldName(f, "fields"));
    return ApiRequest.get(path, Map.of("fields", String.join(",", fields)));
  }

  ApiRequest describe(String sObjectType) {
    Validate.sObjectType(sObjectType, "sObjectType");
    return ApiRequest.get(base + "sobjects/" + sObjectType + "/describe");
  }

  ApiRequest create(String sObjectType, Map<String, ?> fields) {
    Validate.sObjectType(sObjectType, "sObjectType");
    return ApiRequest.withBody("POST", base + "sobjects/" + sObjectType,
        Json.write(Validate.fieldValues(fields, "fields")));
  }

  ApiRequest update(String sObjectType, SalesforceId id, Map<String, ?> changedFields) {
    Validate.sObjectType(sObjectType, "sObjectType");
    Objects.requireNonNull(id, "id");
    Map<String, Object> fields = Validate.fieldValues(changedFields, "changedFields");
    String path = base + "sobjects/" + sObjectType + "/" + id.to18();
    // setting one field to a value ends in the same state however often it is repeated
    return fields.size() == 1
        ? ApiRequest.idempotentWrite("PATCH", path, Json.write(fields))
        : ApiRequest.withBody("PATCH", path, Json.write(fields));
  }

  ApiRequest composite(CompositeRequest request) {
    Objects.requireNonNull(request, "request");
    List<Object> subrequests = new ArrayList<>();
    for (CompositeSubrequest s : request.subrequests()) {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("method", s.method());
      json.put("url", base + s.path());
      json.put("referenceId", s.referenceId());
      s.body().ifPresent(b -> json.put("body", b));
      subrequests.add(json);
    }
    Map<String, Object> envelope = new LinkedHashMap<>();
    envelope.put("allOrNone", request.allOrNone());
    envelope.put("compositeRequest", subrequests);
    return ApiRequest.withBody("POST", base + "composite", Json.write(envelope));
  }

  ApiRequest query(GuardedQuery query) {
    Objects.requireNonNull(query, "query");
    return ApiRequest.get(base + "query", Map.of("q", query.soql()));
  }

  ApiRequest nextPage(QueryCursor cursor) {
    Objects.requireNonNull(cursor, "cursor");
    return ApiRequest.get(cursor.path());
  }

  ApiRequest userInfo() {
    return ApiRequest.get("/services/oauth2/userinfo");
  }

  ApiRequest limits() {
    return ApiRequest.get(base + "limits");
  }

  String apiVersion() {
    return apiVersion;
  }
}
