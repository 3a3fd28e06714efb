package io.revops.sandbox.internal.clari;

import io.revops.salesforce.SalesforceId;
import io.revops.sandbox.internal.FaultState;
import io.revops.sandbox.internal.Json;
import io.revops.sandbox.internal.http.Handler;
import io.revops.sandbox.internal.http.Request;
import io.revops.sandbox.internal.http.Response;
import io.revops.sandbox.internal.salesforce.Store;
import io.revops.sandbox.internal.salesforce.Values;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The emulated Clari Revenue API under {@code /v4}: exactly the operations {@code clari-client} calls
 * (forecast export submit, status, results, cancel and list; the synchronous forecast read; admin limits;
 * audit events; opportunity insights), with the shapes of Clari's spec and the project's notes, and Clari's
 * error bodies. Requires a non-empty {@code apikey} header.
 */
public final class ClariApi implements Handler {
  /** The tenant's export limits and how long export jobs take. */
  public record Settings(int concurrentLimit, int monthlyQuota, Duration queueTime, Duration runTime) {}

  private static final Set<String> TYPES = Set.of("forecast", "quota", "forecast_updated", "adjustment", "crm_total",
      "crm_closed");
  private static final List<String> DEFAULT_TYPES = List.of("forecast", "forecast_updated");
  private static final Pattern JOB = Pattern.compile("/export/jobs/([^/]+)(/results)?");
  private static final Pattern SUBMIT = Pattern.compile("/export/forecast/([^/]*)");
  private static final Pattern FORECAST = Pattern.compile("/forecast/([^/]*)");
  private static final int MAX_OPPORTUNITY_IDS = 100;

  private final ClariModel model;
  private final Store store;
  private final Clock clock;
  private final FaultState faults;
  private final Settings settings;
  private final ExportJobs jobs;
  private final AtomicLong errors = new AtomicLong();

  public ClariApi(ClariModel model, Store store, Clock clock, FaultState faults, Settings settings) {
    this.model = model;
    this.store = store;
    this.clock = clock;
    this.faults = faults;
    this.settings = settings;
    this.jobs = new ExportJobs(clock);
  }

  /** An answer in one of Clari's error shapes. */
  private static final class ClariError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Response response;

    ClariError(Response response) {
      super(null, null, false, false);
      this.response = response;
    }
  }

  @Override
  public Response handle(Request request) {
    try {
      return dispatch(request);
    } catch (ClariError e) {
      return e.response;
    }
  }

  private Response dispatch(Request request) {
    OptionalInt canned = faults.takeResponse(FaultState.Target.CLARI);
    if (canned.isPresent()) {
      return cannedFault(canned.getAsInt());
    }
    if (request.header("apikey").filter(k -> !k.isBlank()).isEmpty()) {
      return Response.json(401, Map.of("message", "Invalid authentication credentials"));
    }
    String path = request.path().substring("/v4".length());
    String method = request.method();
    Matcher m;
    if (method.equals("POST") && (m = SUBMIT.matcher(path)).matches()) {
      return submit(m.group(1), request.body());
    }
    if (method.equals("GET") && path.equals("/export/jobs")) {
      List<Object> list = new ArrayList<>();
      jobs.all().forEach(job -> list.add(job(job)));
      return Response.json(200, list);
    }
    if ((m = JOB.matcher(path)).matches()) {
      String jobId = m.group(1);
      boolean results = m.group(2) != null;
      if (method.equals("GET")) {
        return results ? results(jobId) : status(jobId);
      }
      if (method.equals("PATCH") && !results) {
        return cancel(jobId, request.body());
      }
    }
    if (method.equals("GET") && (m = FORECAST.matcher(path)).matches()) {
      return forecast(m.group(1), request);
    }
    if (method.equals("GET") && path.equals("/admin/limits")) {
      return Response.json(200, Map.of("jobs", limits()));
    }
    if (method.equals("GET") && path.equals("/audit/events")) {
      return auditEvents(request);
    }
    if (method.equals("GET") && path.equals("/opportunity")) {
      return opportunities(request);
    }
    return noRoute();
  }

  private static Response noRoute() {
    return Response.json(404, Map.of("message", "no Route matched with those values"));
  }

  private Response cannedFault(int status) {
    return switch (status) {
      case 401 -> Response.json(401, Map.of("message", "Invalid authentication credentials"));
      case 403 -> exportError(403, "SWW", "exports", "Something went wrong").response;
      case 404 -> noRoute();
      case 429 -> Response.json(429, Map.of("error", "API rate limit exceeded"));
      case 500 -> exportError(500, "internal_server_error", "exports", "An unexpected error occurred.").response;
      case 502 -> Response.json(502, Map.of("message", "An invalid response was received from the upstream server"));
      case 504 -> Response.json(504, Map.of("message", "The upstream server is timing out"));
      default -> Response.json(status, Map.of("message", "failure to get a peer from the ring-balancer"));
    };
  }

  /** {@code {code, namespace, errorId, message, orgId}}: the export, jobs and limits error shape. */
  private ClariError exportError(int status, String code, String namespace, String message) {
    return new ClariError(Response.json(status, errorBody(code, namespace, message)));
  }

  private Map<String, Object> errorBody(String code, String namespace, String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("code", code);
    body.put("namespace", namespace);
    body.put("errorId", ClariModel.errorId("error-" + errors.incrementAndGet()));
    body.put("message", message);
    body.put("orgId", ClariModel.ORG_ID);
    return body;
  }

  // ---------------------------------------------------------------- forecast export

  private Response submit(String forecastId, String bodyText) {
    Map<String, Object> body = bodyObject(bodyText);
    ExportRequest request = exportRequest(forecastId, optionalString(body, "timePeriod"),
        stringList(body.get("typesToExport"), bodyText), optionalString(body, "scopeId"),
        optionalString(body, "currency"), bool(body.get("includeHistorical"), bodyText),
        optionalString(body, "exportFormat").orElse("JSON"), true);
    String schedule = optionalString(body, "schedule").orElse("NONE");
    if (!Set.of("NONE", "ONCE", "MAX").contains(schedule)) {
      throw malformed(bodyText);
    }
    List<String> active = jobs.activeIds();
    int submitted = jobs.submittedIds().size();
    if (faults.exportQuotaExhausted() || submitted >= settings.monthlyQuota()
        || active.size() >= settings.concurrentLimit()) {
      Map<String, Object> error = errorBody("export_monthly_quota_reached", "exports", "The monthly quota limit of "
          + settings.monthlyQuota() + " or concurrent limit of " + settings.concurrentLimit() + " has been reached.");
      error.put("source", "Export");
      return Response.json(400, error);
    }
    Duration runTime = faults.exportRunTime().orElse(settings.runTime());
    ExportJobs.Job job = jobs.submit(request, settings.queueTime(), runTime, faults.exportJobsFail());
    return Response.json(200, Map.of("jobId", job.jobId()));
  }

  private ExportRequest exportRequest(String forecastId, Optional<String> timePeriod, Optional<List<String>> types,
      Optional<String> scopeId, Optional<String> currency, boolean historical, String format, boolean export) {
    if (forecastId.isBlank()) {
      throw exportError(400, "missing_forecast_id", "fcw", "The forecastId query parameter is required.");
    }
    ClariModel.ForecastTab tab = model.tab(forecastId).orElseThrow(() -> exportError(400, "no_such_forecast_config",
        "fcw", "Forecast " + forecastId + " does not exist in the ForecastTemplate."));
    List<String> requested = types.filter(t -> !t.isEmpty()).orElse(DEFAULT_TYPES);
    List<String> invalid = requested.stream().filter(t -> !TYPES.contains(t)).toList();
    if (!invalid.isEmpty()) {
      throw exportError(400, "bad_request", "fcw", "The following typesToExport values are invalid: "
          + Json.write(invalid));
    }
    if (export && requested.stream().anyMatch(t -> t.startsWith("crm_"))) {
      throw exportError(400, "type_not_supported", "fcw", "CRM Totals and CRM Closed are not supported typeToExport"
          + " values for Export API. Please see Forecast API documentation if you’d like to retrieve CRM Totals or"
          + " CRM Closed values.");
    }
    if (currency.isPresent() && !currency.get().equals("USD")) {
      throw exportError(400, "bad_request", "fcw", "The currency parameter is invalid.");
    }
    if (!Set.of("JSON", "CSV").contains(format)) {
      throw exportError(400, "bad_request", "fcw", "The request body was malformed: exportFormat " + format);
    }
    List<ClariModel.ForecastUser> users = model.scope(scopeId).orElseThrow(() -> exportError(401, "no_optin", "fcw",
        "No optins for scope " + scopeId.get() + " for forecast '" + forecastId + "'."));
    ClariModel.Quarter quarter = model.quarterOrCurrent(timePeriod.orElse(""));
    return new ExportRequest(tab, quarter, requested, scopeId, users, historical, format.equals("CSV"));
  }

  private Response status(String jobId) {
    ExportJobs.Job job = jobs.get(jobId).orElseThrow(() -> exportError(400, "SWW", "exports", "Something went wrong"));
    return Response.json(200, job(job));
  }

  private Map<String, Object> job(ExportJobs.Job job) {
    Instant now = clock.instant();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("jobId", job.jobId());
    out.put("userId", Integer.parseInt(ClariModel.API_USER_ID));
    out.put("orgId", ClariModel.ORG_ID);
    out.put("title", job.request().tab().title());
    out.put("module", "FORECAST");
    out.put("startTime", job.submittedAt().toEpochMilli());
    Optional<Instant> end = job.endTime(now);
    out.put("endTime", end.map(Instant::toEpochMilli).orElse(null));
    out.put("expiredTime", end.map(e -> e.plus(Duration.ofDays(30)).toEpochMilli()).orElse(null));
    out.put("version", 1);
    out.put("fileName", "clari_export_" + job.request().tab().forecastId() + "_"
        + job.request().quarter().timePeriodId() + "_"
        + DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss").withZone(ZoneOffset.UTC).format(job.submittedAt())
        + (job.request().csv() ? ".csv" : ".json"));
    out.put("fileType", job.request().csv() ? "CSV" : "JSON");
    out.put("status", job.status(now));
    out.put("viewed", job.downloads() > 0);
    out.put("cellsTruncated", false);
    out.put("rowsTruncated", false);
    out.put("downloads", job.downloads());
    out.put("deliveryStatusMap", new LinkedHashMap<>());
    out.put("currency", "USD");
    return out;
  }

  private Response results(String jobId) {
    Optional<ExportJobs.Job> job = jobs.get(jobId);
    if (job.isEmpty() || !job.get().status(clock.instant()).equals("DONE")) {
      throw exportError(400, "invalid_jobId", "exports", job.isEmpty()
          ? "Cannot retrieve data for job " + jobId + " because it does not exist."
          : "Cannot retrieve data for job because it has not finished executing.");
    }
    jobs.downloaded(jobId);
    ExportRequest request = job.get().request();
    return request.csv() ? Response.text(200, csv(request), "text/csv;charset=UTF-8")
        : Response.json(200, forecastJson(request));
  }

  private Response cancel(String jobId, String bodyText) {
    Map<String, Object> body = bodyObject(bodyText);
    if (!"CANCEL".equals(body.get("type"))) {
      throw exportError(400, "bad_request", "exports", "The request body was malformed: " + bodyText);
    }
    if (jobs.get(jobId).isEmpty()) {
      throw exportError(400, "SWW", "exports", "Something went wrong");
    }
    ExportJobs.Job cancelled = jobs.cancel(jobId).orElseThrow(() -> exportError(400, "export_failed_to_cancel",
        "exports", "Cannot cancel the job because it already finished executing."));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("status", cancelled.status(clock.instant()));
    out.put("successful", true);
    return Response.json(200, out);
  }

  private Response forecast(String forecastId, Request request) {
    if (faults.forecastFastPathRejected()) {
      return noRoute();
    }
    ExportRequest r = exportRequest(forecastId, request.param("timePeriod"),
        request.params("typesToExport").isEmpty() ? Optional.empty() : Optional.of(request.params("typesToExport")),
        request.param("scopeId"), request.param("currency"), false, "JSON", false);
    return Response.json(200, forecastJson(r));
  }

  private Map<String, Object> limits() {
    List<String> active = jobs.activeIds();
    List<String> running = jobs.runningIds();
    List<String> submitted = jobs.submittedIds();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("concurrentLimit", settings.concurrentLimit());
    out.put("monthlyQuota", settings.monthlyQuota());
    if (!running.isEmpty()) {
      out.put("runningJobIds", running);
    }
    out.put("submittedJobIds", submitted);
    out.put("availableConcurrentLimit", Math.max(0, settings.concurrentLimit() - active.size()));
    out.put("availableMonthlyQuota", faults.exportQuotaExhausted() ? 0
        : Math.max(0, settings.monthlyQuota() - submitted.size()));
    return out;
  }

  // ---------------------------------------------------------------- forecast data

  private record Cell(ClariModel.ForecastUser user, ClariModel.Field field, ClariModel.TimeFrame frame, int week,
      int weeks) {}

  private List<ClariModel.TimeFrame> frames(ExportRequest r) {
    List<ClariModel.TimeFrame> toDate = model.framesToDate(r.quarter());
    if (!r.includeHistorical()) {
      return List.of(toDate.get(toDate.size() - 1));
    }
    List<ClariModel.TimeFrame> unordered = new ArrayList<>(toDate);
    Collections.reverse(unordered); // Clari does not order the weeks: callers sort on timeFrameId
    return unordered;
  }

  private List<ClariModel.Field> fields(ExportRequest r) {
    List<ClariModel.Field> fields = new ArrayList<>();
    if (r.types().contains("forecast") || r.types().contains("forecast_updated")) {
      fields.add(ClariModel.COMMIT);
      fields.add(ClariModel.BEST_CASE);
    }
    if (r.types().contains("quota")) {
      fields.add(ClariModel.QUOTA);
    }
    return fields;
  }

  private List<Cell> cells(ExportRequest r) {
    List<ClariModel.TimeFrame> toDate = model.framesToDate(r.quarter());
    List<Cell> cells = new ArrayList<>();
    for (ClariModel.TimeFrame frame : frames(r)) {
      for (ClariModel.ForecastUser user : r.users()) {
        for (ClariModel.Field field : fields(r)) {
          cells.add(new Cell(user, field, frame, toDate.indexOf(frame), toDate.size()));
        }
      }
    }
    return cells;
  }

  private Map<String, Object> forecastJson(ExportRequest r) {
    List<Object> entries = new ArrayList<>();
    for (Cell cell : cells(r)) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("userId", cell.user().userId());
      e.put("fieldId", cell.field().fieldId());
      e.put("timePeriodId", r.quarter().timePeriodId());
      e.put("timeFrameId", cell.frame().timeFrameId());
      BigDecimal value = Values.decimal(model.valueInWeek(r.tab().forecastId(), r.quarter(), cell.user().userId(),
          cell.field(), cell.week(), cell.weeks()));
      boolean quota = cell.field() == ClariModel.QUOTA;
      if (quota) {
        e.put("quotaValue", value);
      } else if (r.types().contains("forecast")) {
        e.put("forecastValue", value);
      }
      e.put("currency", Map.of("code", "USD", "symbol", "$"));
      if (!quota && r.types().contains("forecast_updated")) {
        Optional<Instant> updated = updatedOn(r, cell);
        e.put("isUpdated", updated.isPresent());
        e.put("updatedBy", updated.map(u -> cell.user().name()).orElse(null));
        e.put("updatedOn", updated.map(Instant::toEpochMilli).orElse(null));
      }
      entries.add(e);
    }
    List<Object> users = new ArrayList<>();
    for (ClariModel.ForecastUser u : r.users()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("userId", u.userId());
      m.put("name", u.name());
      m.put("email", u.email());
      m.put("crmId", u.crmId());
      m.put("scopeId", u.scopeId());
      m.put("hierarchyId", u.hierarchyId());
      m.put("hierarchyName", u.hierarchyName());
      m.put("parentHierarchyId", u.parentHierarchyId().orElse(null));
      m.put("parentHierarchyName", u.parentHierarchyName().orElse(null));
      users.add(m);
    }
    List<Object> fields = new ArrayList<>();
    for (ClariModel.Field f : fields(r)) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("fieldId", f.fieldId());
      m.put("fieldName", f.fieldName());
      m.put("fieldType", f.fieldType());
      fields.add(m);
    }
    Map<String, Object> period = new LinkedHashMap<>();
    period.put("timePeriodId", r.quarter().timePeriodId());
    period.put("type", "quarter");
    period.put("label", r.quarter().label());
    period.put("year", Integer.toString(r.quarter().year()));
    period.put("startDate", r.quarter().startDate().toString());
    period.put("endDate", r.quarter().endDate().toString());
    List<Object> frames = new ArrayList<>();
    for (ClariModel.TimeFrame f : frames(r)) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("timeFrameId", f.timeFrameId());
      m.put("startDate", f.startDate().toString());
      m.put("endDate", f.endDate().toString());
      frames.add(m);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("entries", entries);
    out.put("users", users);
    out.put("fields", fields);
    out.put("timePeriods", List.of(period));
    out.put("timeFrames", frames);
    return out;
  }

  private Optional<Instant> updatedOn(ExportRequest r, Cell cell) {
    return model.updatedOn(r.tab().forecastId(), r.quarter(), cell.user().userId(), cell.field().fieldId(),
        cell.frame());
  }

  /** The CSV layout of Clari's spec: one row per cell and data type. */
  private String csv(ExportRequest r) {
    DateTimeFormatter day = DateTimeFormatter.ofPattern("MM/dd/yyyy");
    DecimalFormat money = new DecimalFormat("$#,##0.00", DecimalFormatSymbols.getInstance(Locale.US));
    StringBuilder out = new StringBuilder("User,Email,CRM User ID,Role,Parent Role,Timeframe,Field,Week,Start Day,"
        + "End Day,Data Type,Data Value\n");
    for (Cell cell : cells(r)) {
      ClariModel.ForecastUser u = cell.user();
      List<String> common = List.of(u.name(), u.email(), u.crmId(), u.hierarchyName(),
          u.parentHierarchyName().orElse(""), r.quarter().label(), cell.field().fieldName(),
          Integer.toString(cell.week()), day.format(cell.frame().startDate()), day.format(cell.frame().endDate()));
      BigDecimal value = model.valueInWeek(r.tab().forecastId(), r.quarter(), u.userId(), cell.field(), cell.week(),
          cell.weeks());
      if (cell.field() == ClariModel.QUOTA || r.types().contains("forecast")) {
        row(out, common, "Forecast Value", money.format(value));
      }
      if (cell.field() != ClariModel.QUOTA && r.types().contains("forecast_updated")) {
        row(out, common, "Forecast Updated", updatedOn(r, cell).isPresent() ? "Yes" : "No");
      }
    }
    return out.toString();
  }

  private static void row(StringBuilder out, List<String> common, String type, String value) {
    List<String> cells = new ArrayList<>(common);
    cells.add(type);
    cells.add(value);
    for (int i = 0; i < cells.size(); i++) {
      String c = cells.get(i);
      out.append(i == 0 ? "" : ",").append(c.contains(",") || c.contains("\"") ? "\"" + c.replace("\"", "\"\"") + "\""
          : c);
    }
    out.append('\n');
  }

  // ---------------------------------------------------------------- audit events

  private Response auditEvents(Request request) {
    int limit = auditInt(request, "limit", 100, 1, 1000);
    int offset = auditInt(request, "paginationToken", 0, 0, Integer.MAX_VALUE);
    Instant now = clock.instant();
    Instant from = auditTime(request, "dateFrom", now.minus(Duration.ofDays(30)), false);
    Instant to = auditTime(request, "dateTo", now, true);
    Optional<String> event = request.param("event");
    Optional<String> actorId = request.param("actorId");
    Optional<String> sessionType = request.param("sessionType");
    if (actorId.isPresent() && !actorId.get().matches("-?\\d{1,19}")) {
      throw auditError("actorId", "actorId must be an integer (int64)");
    }
    if (sessionType.isPresent() && !Set.of("WEB", "IOS", "ANDROID").contains(sessionType.get())) {
      throw auditError("sessionType", "sessionType must be one of WEB, IOS, ANDROID");
    }
    List<ClariModel.AuditEvent> matching = model.auditEvents().stream()
        .filter(e -> !e.timestamp().isBefore(from) && !e.timestamp().isAfter(to))
        .filter(e -> event.map(e.event()::equals).orElse(true))
        .filter(e -> actorId.map(e.actorId()::equals).orElse(true))
        .filter(e -> sessionType.map(e.sessionType()::equals).orElse(true))
        .toList();
    List<ClariModel.AuditEvent> page = matching.subList(Math.min(offset, matching.size()),
        Math.min(matching.size(), offset + limit));
    List<Object> items = new ArrayList<>();
    Set<String> actorIds = new LinkedHashSet<>();
    for (ClariModel.AuditEvent e : page) {
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("correlationID", e.correlationId());
      item.put("actorId", e.actorId());
      item.put("impersonatingActorId", null);
      item.put("actorType", e.actorType());
      item.put("sessionId", e.sessionId());
      item.put("ipAddress", e.ipAddress());
      item.put("sessionType", e.sessionType());
      item.put("event", e.event());
      item.put("eventParameters", new LinkedHashMap<>());
      item.put("eventTimestamp", e.timestamp().toString());
      items.add(item);
      actorIds.add(e.actorId());
    }
    List<Object> actors = new ArrayList<>();
    for (ClariModel.AuditActor a : model.auditActors()) {
      if (actorIds.contains(a.actorId())) {
        Map<String, Object> actor = new LinkedHashMap<>();
        actor.put("actorType", a.actorType());
        actor.put("actorId", a.actorId());
        actor.put("name", a.name());
        actor.put("email", a.email());
        actors.add(actor);
      }
    }
    Map<String, Object> out = new LinkedHashMap<>();
    if (offset + limit < matching.size()) {
      out.put("nextLink", nextLink(request, offset + limit));
    }
    out.put("items", items);
    out.put("actors", actors);
    return Response.json(200, out);
  }

  /** The next page's absolute URL on this host, carrying the same filters and the position. */
  private static String nextLink(Request request, int offset) {
    StringBuilder query = new StringBuilder();
    request.query().forEach((name, values) -> {
      if (!name.equals("paginationToken")) {
        values.forEach(v -> query.append(query.length() == 0 ? "" : "&").append(encode(name)).append('=')
            .append(encode(v)));
      }
    });
    query.append(query.length() == 0 ? "" : "&").append("paginationToken=").append(offset);
    return "http://" + request.header("Host").orElse("127.0.0.1") + "/v4/audit/events?" + query;
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private int auditInt(Request request, String name, int fallback, int min, int max) {
    Optional<String> text = request.param(name);
    if (text.isEmpty()) {
      return fallback;
    }
    try {
      int value = Integer.parseInt(text.get());
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw auditError(name, name + " must be an integer between " + min + " and " + max);
  }

  private Instant auditTime(Request request, String name, Instant fallback, boolean endOfDay) {
    Optional<String> text = request.param(name);
    if (text.isEmpty()) {
      return fallback;
    }
    try {
      return OffsetDateTime.parse(text.get()).toInstant();
    } catch (DateTimeParseException notDateTime) {
      try {
        LocalDate day = LocalDate.parse(text.get());
        return endOfDay ? day.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).minusMillis(1)
            : day.atStartOfDay().toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException notDate) {
        throw auditError(name, name + " must be an ISO-8601 date-time such as 2017-05-03T16:22:18Z or a date such as"
            + " 2017-05-03");
      }
    }
  }

  /** {@code {"errors": [{code, message, target, status, details}]}}: the audit error shape. */
  private static ClariError auditError(String target, String message) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("code", "bad_request");
    error.put("message", "Invalid query parameter");
    error.put("target", target);
    error.put("status", "400");
    error.put("details", message);
    return new ClariError(Response.json(400, Map.of("errors", List.of(error))));
  }

  // ---------------------------------------------------------------- opportunity insights

  private Response opportunities(Request request) {
    List<String> ids = request.params("oppId");
    if (ids.isEmpty()) {
      throw opportunityError("oppId is required");
    }
    if (ids.size() > MAX_OPPORTUNITY_IDS) {
      throw opportunityError("at most " + MAX_OPPORTUNITY_IDS + " oppId values are allowed, got " + ids.size());
    }
    Optional<String> mode = request.param("mode");
    if (mode.isPresent() && !mode.get().equals("OPPORTUNITY_MODE_ID")) {
      throw opportunityError("mode " + mode.get() + " is not supported");
    }
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    List<Object> out = new ArrayList<>();
    synchronized (store) {
      for (String id : ids) {
        if (!SalesforceId.isValid(id)) {
          continue;
        }
        String id18 = SalesforceId.of(id).to18();
        store.get("Opportunity", id18).ifPresent(opp -> out.add(insight(opp, today)));
      }
    }
    return Response.json(200, out);
  }

  private Map<String, Object> insight(Map<String, Object> opp, LocalDate today) {
    String id = (String) opp.get("Id");
    ClariModel.Score score = model.score(opp, today);
    List<Map<String, Object>> amountChanges = new ArrayList<>();
    for (Map<String, Object> h : store.all("OpportunityFieldHistory")) {
      if (id.equals(h.get("OpportunityId")) && "Amount".equals(h.get("Field"))) {
        amountChanges.add(h);
      }
    }
    amountChanges.sort((a, b) -> ((Instant) a.get("CreatedDate")).compareTo((Instant) b.get("CreatedDate")));
    List<Object> trendHistory = new ArrayList<>();
    for (Map<String, Object> h : amountChanges) {
      Map<String, Object> t = new LinkedHashMap<>();
      t.put("oldValue", amount(h.get("OldValue")));
      t.put("newValue", amount(h.get("NewValue")));
      t.put("date", ((Instant) h.get("CreatedDate")).toEpochMilli());
      trendHistory.add(t);
    }
    BigDecimal value = (BigDecimal) opp.get("Amount");
    BigDecimal original = amountChanges.isEmpty() ? value : (BigDecimal) amountChanges.get(0).get("OldValue");
    Map<String, Object> amount = new LinkedHashMap<>();
    amount.put("id", "opportunity.amount");
    amount.put("alias", "Amount");
    amount.put("value", amount(value));
    amount.put("originalValue", amount(original));
    amount.put("trend", value == null || original == null ? "flat"
        : switch (Integer.signum(value.compareTo(original))) {
          case 1 -> "up";
          case -1 -> "down";
          default -> "flat";
        });
    amount.put("trendHistory", trendHistory);
    Map<String, Object> crmScore = new LinkedHashMap<>();
    crmScore.put("score", score.score());
    crmScore.put("message", score.message());
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", id);
    out.put("crmScore", crmScore);
    out.put("fields", List.of(amount));
    return out;
  }

  private static Object amount(Object value) {
    return value instanceof BigDecimal d ? Values.decimal(d) : value;
  }

  /** {@code [{statusCode, reaspnPhrase, description, details}]}: the opportunity error shape (Clari's spelling). */
  private static ClariError opportunityError(String details) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("statusCode", 400);
    error.put("reaspnPhrase", "Bad Request");
    error.put("description", "invalid query parameter");
    error.put("details", details);
    return new ClariError(Response.json(400, List.of(error)));
  }

  // ---------------------------------------------------------------- request bodies

  private Map<String, Object> bodyObject(String text) {
    if (text == null || text.isBlank()) {
      return new LinkedHashMap<>();
    }
    Object json = parse(text);
    if (json instanceof Map<?, ?> map) {
      @SuppressWarnings("unchecked")
      Map<String, Object> typed = (Map<String, Object>) map;
      return typed;
    }
    throw malformed(text);
  }

  private Object parse(String text) {
    try {
      return Json.parse(text);
    } catch (IOException | RuntimeException e) {
      throw malformed(text);
    }
  }

  private ClariError malformed(String body) {
    return exportError(400, "bad_request", "fcw", "The request body was malformed: " + body);
  }

  private Optional<String> optionalString(Map<String, Object> body, String key) {
    Object value = body.get(key);
    if (value == null) {
      return Optional.empty();
    }
    if (value instanceof String s) {
      return Optional.of(s);
    }
    throw malformed(Json.write(body));
  }

  private Optional<List<String>> stringList(Object value, String bodyText) {
    if (value == null) {
      return Optional.empty();
    }
    if (value instanceof List<?> list && list.stream().allMatch(v -> v instanceof String)) {
      return Optional.of(list.stream().map(String.class::cast).toList());
    }
    throw malformed(bodyText);
  }

  private boolean bool(Object value, String bodyText) {
    if (value == null) {
      return false;
    }
    if (value instanceof Boolean b) {
      return b;
    }
    throw malformed(bodyText);
  }
}
