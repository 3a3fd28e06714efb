package io.revops.sandbox.internal.salesforce.rest;

import io.revops.sandbox.internal.FaultState;
import io.revops.sandbox.internal.Json;
import io.revops.sandbox.internal.http.Handler;
import io.revops.sandbox.internal.http.Request;
import io.revops.sandbox.internal.http.Response;
import io.revops.sandbox.internal.salesforce.FieldSchema;
import io.revops.sandbox.internal.salesforce.FieldType;
import io.revops.sandbox.internal.salesforce.ObjectSchema;
import io.revops.sandbox.internal.salesforce.RecordWriter;
import io.revops.sandbox.internal.salesforce.SalesforceError;
import io.revops.sandbox.internal.salesforce.Store;
import io.revops.sandbox.internal.salesforce.Values;
import io.revops.sandbox.internal.soql.QueryEngine;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The emulated Salesforce REST API: exactly the resources {@code salesforce-client} calls, under
 * {@code /services/data/vNN.N/} (any version) plus {@code /services/oauth2/userinfo}. Requires
 * {@code Authorization: Bearer <any non-empty token>}, counts API calls and reports them in
 * {@code Sforce-Limit-Info} on every answer, and answers failures with Salesforce's error array.
 * Requests run one at a time against the store, so each sees a consistent org.
 */
public final class SalesforceApi implements Handler {
  /** How the emulated org is set up. */
  public record Settings(int pageSize, long dailyApiLimit, String runningUserId, String organizationId) {}

  private static final Pattern DATA_PATH = Pattern.compile("/services/data/(v\\d{2,3}\\.\\d)/(.*)");
  private static final Pattern SOBJECT = Pattern.compile("sobjects/([A-Za-z][A-Za-z0-9_]*)(?:/([^/]+))?");
  private static final Pattern BEARER = Pattern.compile("(?i)Bearer\\s+\\S.*");
  private static final Pattern BATCH_SIZE = Pattern.compile("(?i).*batchSize\\s*=\\s*(\\d+).*");
  private static final Pattern REFERENCE =
      Pattern.compile("@\\{([A-Za-z][A-Za-z0-9_]*)((?:\\.[A-Za-z0-9_]+|\\[\\d+])*)}");
  private static final int MAX_SUBREQUESTS = 25;

  private final Store store;
  private final Clock clock;
  private final FaultState faults;
  private final Settings settings;
  private final RecordWriter writer;
  private final QueryCursors cursors = new QueryCursors();
  private final AtomicLong apiCalls = new AtomicLong();

  public SalesforceApi(Store store, Clock clock, FaultState faults, Settings settings) {
    this.store = store;
    this.clock = clock;
    this.faults = faults;
    this.settings = settings;
    this.writer = new RecordWriter(store, clock, settings.runningUserId(), faults);
  }

  /** API calls counted so far (every {@code /services/data} request; a composite call counts once). */
  public long apiCalls() {
    return apiCalls.get();
  }

  @Override
  public Response handle(Request request) {
    Response response;
    try {
      synchronized (store) {
        response = dispatch(request);
      }
    } catch (SalesforceError e) {
      response = Response.json(e.status(), e.body());
    }
    return response.withHeader("Sforce-Limit-Info", "api-usage=" + apiCalls.get() + "/" + settings.dailyApiLimit());
  }

  /** The answer of one subrequest or request, before it becomes HTTP. */
  private record Reply(int status, Object body, Map<String, String> headers) {
    static Reply of(int status, Object body) {
      return new Reply(status, body, Map.of());
    }

    static Reply error(SalesforceError e) {
      return new Reply(e.status(), e.body(), Map.of());
    }
  }

  private Response dispatch(Request request) {
    Optional<Response> canned = cannedFault();
    if (canned.isPresent()) {
      return canned.get();
    }
    if (!BEARER.matcher(request.header("Authorization").orElse("")).matches()) {
      throw SalesforceError.of(401, "INVALID_SESSION_ID", "Session expired or invalid");
    }
    if (request.path().equals("/services/oauth2/userinfo")) {
      requireMethod(request.method(), "GET", "POST");
      return Response.json(200, userInfo());
    }
    Matcher data = DATA_PATH.matcher(request.path());
    if (!data.matches()) {
      throw SalesforceError.notFound();
    }
    apiCalls.incrementAndGet();
    String version = data.group(1);
    String resource = data.group(2);
    String method = request.method();
    if (method.equals("POST") && request.param("_HttpMethod").filter("PATCH"::equalsIgnoreCase).isPresent()) {
      method = "PATCH";
    }
    Object body = method.equals("POST") || method.equals("PATCH") ? parseBody(request.body()) : null;
    Reply reply = resource.equals("composite")
        ? composite(method, version, body)
        : route(method, version, resource, request.query(), body, batchSize(request));
    Response response = reply.body() == null ? Response.empty(reply.status()) : Response.json(reply.status(),
        reply.body());
    for (Map.Entry<String, String> header : reply.headers().entrySet()) {
      response = response.withHeader(header.getKey(), header.getValue());
    }
    return response;
  }

  private Optional<Response> cannedFault() {
    return faults.takeResponse(FaultState.Target.SALESFORCE).stream().boxed().findFirst().map(status -> {
      SalesforceError error = switch (status) {
        case 401 -> SalesforceError.of(401, "INVALID_SESSION_ID", "Session expired or invalid");
        case 403 -> SalesforceError.of(403, "REQUEST_LIMIT_EXCEEDED", "TotalRequests Limit exceeded.");
        case 404 -> SalesforceError.notFound();
        case 500 -> SalesforceError.of(500, "UNKNOWN_EXCEPTION", "An unexpected error occurred. Please include this"
            + " ErrorId if you contact support: 1869443911-12345 (-1234567890)");
        default -> SalesforceError.of(status, "SERVER_UNAVAILABLE", "The server is temporarily unavailable (sandbox"
            + " fault " + status + ")");
      };
      return Response.json(error.status(), error.body());
    });
  }

  private static Object parseBody(String text) {
    try {
      return text.isBlank() ? new LinkedHashMap<>() : Json.parse(text);
    } catch (IOException | RuntimeException e) {
      throw SalesforceError.of(400, "JSON_PARSER_ERROR", "The request body is not valid JSON: " + e.getMessage());
    }
  }

  private int batchSize(Request request) {
    return request.header("Sforce-Query-Options").map(BATCH_SIZE::matcher).filter(Matcher::matches)
        .map(m -> Math.max(200, Math.min(2000, Integer.parseInt(m.group(1)))))
        .orElse(settings.pageSize());
  }

  private static void requireMethod(String method, String... allowed) {
    for (String a : allowed) {
      if (a.equals(method)) {
        return;
      }
    }
    throw SalesforceError.of(405, "METHOD_NOT_ALLOWED", "HTTP Method '" + method + "' not allowed. Allowed are "
        + String.join(",", allowed));
  }

  // ---------------------------------------------------------------- resources

  private Reply route(String method, String version, String resource, Map<String, List<String>> query, Object body,
      int pageSize) {
    if (resource.equals("query")) {
      requireMethod(method, "GET");
      String soql = query.getOrDefault("q", List.of()).stream().findFirst().orElse("");
      if (soql.isBlank()) {
        throw SalesforceError.malformedQuery("A query string has to be specified");
      }
      QueryEngine.Result result = engine().run(soql, version);
      return Reply.of(200, cursors.firstPage(result.totalSize(), result.records(),
          result.aggregate() ? Integer.MAX_VALUE : pageSize, version));
    }
    if (resource.startsWith("query/")) {
      requireMethod(method, "GET");
      return Reply.of(200, cursors.nextPage(resource.substring("query/".length()), pageSize, version));
    }
    if (resource.equals("limits")) {
      requireMethod(method, "GET");
      return Reply.of(200, limits());
    }
    Matcher sobject = SOBJECT.matcher(resource);
    if (sobject.matches()) {
      String type = sobject.group(1);
      String idOrDescribe = sobject.group(2);
      if (idOrDescribe == null) {
        requireMethod(method, "POST");
        String id = writer.create(type, object(body));
        Map<String, Object> created = new LinkedHashMap<>();
        created.put("id", id);
        created.put("success", true);
        created.put("errors", new ArrayList<>());
        return new Reply(201, created, Map.of("Location", "/services/data/" + version + "/sobjects/"
            + writer.object(type).name() + "/" + id));
      }
      if (idOrDescribe.equals("describe")) {
        requireMethod(method, "GET");
        return Reply.of(200, Describe.render(writer.object(type), version));
      }
      requireMethod(method, "GET", "PATCH");
      if (method.equals("PATCH")) {
        writer.update(type, idOrDescribe, object(body));
        return Reply.of(204, null);
      }
      return Reply.of(200, record(type, idOrDescribe, query.getOrDefault("fields", List.of()), version));
    }
    throw SalesforceError.notFound();
  }

  private QueryEngine engine() {
    return new QueryEngine(store, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC), settings.runningUserId());
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(Object body) {
    if (body instanceof Map<?, ?> map) {
      return (Map<String, Object>) map;
    }
    throw SalesforceError.of(400, "JSON_PARSER_ERROR", "The request body must be a JSON object of field values");
  }

  private Map<String, Object> record(String type, String id, List<String> fieldsParam, String version) {
    ObjectSchema object = writer.object(type);
    Map<String, Object> row = writer.find(object, id);
    List<FieldSchema> fields = new ArrayList<>();
    if (fieldsParam.isEmpty() || fieldsParam.get(0).isBlank()) {
      fields.addAll(object.fields());
    } else {
      for (String name : fieldsParam.get(0).split(",")) {
        String trimmed = name.strip();
        fields.add(object.field(trimmed).orElseThrow(() -> SalesforceError.noSuchColumn(trimmed, object.name())));
      }
    }
    Map<String, Object> out = new LinkedHashMap<>();
    Map<String, Object> attributes = new LinkedHashMap<>();
    attributes.put("type", object.name());
    attributes.put("url", "/services/data/" + version + "/sobjects/" + object.name() + "/" + row.get("Id"));
    out.put("attributes", attributes);
    for (FieldSchema f : fields) {
      Object value = row.get(f.name());
      out.put(f.name(), f.type() == FieldType.BASE64 && value != null
          ? "/services/data/" + version + "/sobjects/" + object.name() + "/" + row.get("Id") + "/" + f.name()
          : Values.toJson(f.type(), value));
    }
    return out;
  }

  private Map<String, Object> limits() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("DailyApiRequests", limit(settings.dailyApiLimit(), settings.dailyApiLimit() - apiCalls.get()));
    out.put("DailyBulkApiBatches", limit(15000, 15000));
    out.put("DataStorageMB", limit(1024, 1013));
    out.put("FileStorageMB", limit(1024, 1022));
    return out;
  }

  private static Map<String, Object> limit(long max, long remaining) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("Max", max);
    out.put("Remaining", Math.max(0, remaining));
    return out;
  }

  private Map<String, Object> userInfo() {
    Map<String, Object> user = store.get("User", settings.runningUserId()).orElseThrow();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("sub", "https://login.salesforce.com/id/" + settings.organizationId() + "/" + user.get("Id"));
    out.put("user_id", user.get("Id"));
    out.put("organization_id", settings.organizationId());
    out.put("preferred_username", user.get("Username"));
    out.put("nickname", user.get("FirstName"));
    out.put("name", user.get("Name"));
    out.put("email", user.get("Email"));
    out.put("email_verified", true);
    out.put("given_name", user.get("FirstName"));
    out.put("family_name", user.get("LastName"));
    out.put("zoneinfo", "GMT");
    out.put("locale", "en_US");
    out.put("language", "en_US");
    out.put("active", true);
    out.put("user_type", "STANDARD");
    out.put("utcOffset", 0);
    out.put("updated_at", Values.formatDateTime((Instant) user.get("LastModifiedDate")));
    return out;
  }

  // ---------------------------------------------------------------- composite

  private Reply composite(String method, String version, Object body) {
    requireMethod(method, "POST");
    Map<String, Object> envelope = object(body);
    if (!(envelope.get("compositeRequest") instanceof List<?> subrequests) || subrequests.isEmpty()) {
      throw SalesforceError.of(400, "INVALID_INPUT", "The composite request needs a non-empty compositeRequest array");
    }
    if (subrequests.size() > MAX_SUBREQUESTS) {
      throw SalesforceError.of(400, "LIMIT_EXCEEDED", "A composite request can have at most " + MAX_SUBREQUESTS
          + " subrequests; this one has " + subrequests.size());
    }
    boolean allOrNone = Boolean.TRUE.equals(envelope.get("allOrNone"));
    List<Map<String, Object>> parsed = new ArrayList<>();
    List<String> referenceIds = new ArrayList<>();
    for (Object item : subrequests) {
      Map<String, Object> sub = object(item);
      if (!(sub.get("referenceId") instanceof String ref) || !(sub.get("method") instanceof String)
          || !(sub.get("url") instanceof String)) {
        throw SalesforceError.of(400, "INVALID_INPUT", "Every subrequest needs method, url and referenceId");
      }
      if (referenceIds.contains(ref)) {
        throw SalesforceError.of(400, "INVALID_INPUT", "Duplicate referenceId: " + ref);
      }
      referenceIds.add(ref);
      parsed.add(sub);
    }
    Map<String, Reply> results = new LinkedHashMap<>();
    List<Map<String, Object>> responses = new ArrayList<>();
    int failed = -1;
    store.begin();
    try {
      for (int i = 0; i < parsed.size() && failed < 0; i++) {
        Map<String, Object> sub = parsed.get(i);
        String ref = (String) sub.get("referenceId");
        Reply reply = runSubrequest(sub, ref, version, results);
        results.put(ref, reply);
        responses.add(subresponse(reply, ref));
        if (reply.status() >= 400 && allOrNone) {
          failed = i;
        }
      }
    } catch (RuntimeException e) {
      store.rollback();
      throw e;
    }
    if (failed >= 0) {
      store.rollback();
      for (int i = 0; i < parsed.size(); i++) {
        if (i != failed) {
          Reply halted = Reply.error(SalesforceError.of(400, "PROCESSING_HALTED",
              "The transaction was rolled back since another operation in the same transaction failed."));
          Map<String, Object> response = subresponse(halted, referenceIds.get(i));
          if (i < responses.size()) {
            responses.set(i, response);
          } else {
            responses.add(response);
          }
        }
      }
    } else {
      store.commit();
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("compositeResponse", responses);
    return Reply.of(200, out);
  }

  private Reply runSubrequest(Map<String, Object> sub, String ref, String version, Map<String, Reply> results) {
    try {
      String url = (String) resolve(sub.get("url"), results);
      Object body = resolve(sub.get("body"), results);
      Optional<FaultState.Failure> fault = faults.takeSubrequestFailure(ref);
      if (fault.isPresent()) {
        return Reply.error(SalesforceError.dml(fault.get().errorCode(), fault.get().message(), List.of()));
      }
      Matcher data = DATA_PATH.matcher(url.contains("?") ? url.substring(0, url.indexOf('?')) : url);
      if (!data.matches() || data.group(2).equals("composite")) {
        throw SalesforceError.notFound();
      }
      String method = ((String) sub.get("method")).toUpperCase(Locale.ROOT);
      Map<String, List<String>> query = Request.parseQuery(url.contains("?") ? url.substring(url.indexOf('?') + 1)
          : "");
      if ((method.equals("POST") || method.equals("PATCH")) && body == null) {
        body = new LinkedHashMap<>();
      }
      return route(method, data.group(1), data.group(2), query, body, settings.pageSize());
    } catch (SalesforceError e) {
      return Reply.error(e);
    }
  }

  private static Map<String, Object> subresponse(Reply reply, String referenceId) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("body", reply.body());
    out.put("httpHeaders", new LinkedHashMap<>(reply.headers()));
    out.put("httpStatusCode", reply.status());
    out.put("referenceId", referenceId);
    return out;
  }

  /** Replaces {@code @{ref.path}} references in strings (deeply); a whole-string reference keeps the value's type. */
  private static Object resolve(Object value, Map<String, Reply> results) {
    if (value instanceof String text) {
      Matcher whole = REFERENCE.matcher(text);
      if (whole.matches()) {
        return lookup(whole.group(1), whole.group(2), results);
      }
      Matcher m = REFERENCE.matcher(text);
      StringBuilder out = new StringBuilder();
      while (m.find()) {
        m.appendReplacement(out, Matcher.quoteReplacement(String.valueOf(lookup(m.group(1), m.group(2), results))));
      }
      m.appendTail(out);
      return out.toString();
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      map.forEach((k, v) -> out.put((String) k, resolve(v, results)));
      return out;
    }
    if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>();
      list.forEach(v -> out.add(resolve(v, results)));
      return out;
    }
    return value;
  }

  private static Object lookup(String referenceId, String path, Map<String, Reply> results) {
    Reply reply = results.get(referenceId);
    Object current = reply == null || reply.status() >= 400 ? null : reply.body();
    Matcher step = Pattern.compile("\\.([A-Za-z0-9_]+)|\\[(\\d+)]").matcher(path);
    while (current != null && step.find()) {
      if (step.group(1) != null) {
        current = current instanceof Map<?, ?> map ? map.get(step.group(1)) : null;
      } else {
        int index = Integer.parseInt(step.group(2));
        current = current instanceof List<?> list && index < list.size() ? list.get(index) : null;
      }
    }
    if (current == null) {
      throw SalesforceError.of(400, "PROCESSING_HALTED", "Invalid reference specified. No value for " + referenceId
          + path + " found in " + referenceId + ". Provided referenceId ('" + referenceId + "') was not valid.");
    }
    return current;
  }
}
