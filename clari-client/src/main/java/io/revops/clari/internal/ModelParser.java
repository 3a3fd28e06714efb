package io.revops.clari.internal;

import io.revops.clari.AuditActor;
import io.revops.clari.AuditEvent;
import io.revops.clari.AuditEventPage;
import io.revops.clari.ClariServerException;
import io.revops.clari.CrmScore;
import io.revops.clari.ExportJob;
import io.revops.clari.ExportLimits;
import io.revops.clari.ExportSource;
import io.revops.clari.ForecastEntry;
import io.revops.clari.ForecastExport;
import io.revops.clari.ForecastField;
import io.revops.clari.ForecastTimeFrame;
import io.revops.clari.ForecastTimePeriod;
import io.revops.clari.ForecastUser;
import io.revops.clari.InsightField;
import io.revops.clari.JobCancellation;
import io.revops.clari.JobStatus;
import io.revops.clari.OpportunityInsight;
import io.revops.clari.TrendChange;
import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads Clari's JSON bodies into the public models, tolerating absent keys and extra keys. */
public final class ModelParser {
  private ModelParser() {
  }

  /** The job id of a submit answer ({@code {"jobId": ...}}). */
  public static String jobId(String body, String operation) {
    return Json.string(object(body, operation), "jobId")
        .orElseThrow(() -> unreadable(operation, "no jobId in the answer"));
  }

  /** A job, wrapped in {@code {"job": ...}} or flat. */
  public static ExportJob job(String body, String operation, String requestedJobId) {
    Map<String, Object> root = object(body, operation);
    Map<String, Object> job = root.get("job") instanceof Map ? Json.object(root.get("job")) : root;
    String raw = Json.string(job, "status", "");
    return new ExportJob(Json.string(job, "jobId", requestedJobId), JobStatus.parse(raw), raw,
        Json.string(job, "title"), Json.instant(job, "startTime"), Json.instant(job, "endTime"),
        Json.instant(job, "expiredTime"), Json.string(job, "fileName"), Json.string(job, "fileType"),
        Json.bool(job, "rowsTruncated"), Json.bool(job, "cellsTruncated"));
  }

  /** A cancel answer ({@code {"status":"CANCELLED","successful":true}}). */
  public static JobCancellation cancellation(String body, String operation) {
    Map<String, Object> map = object(body, operation);
    return new JobCancellation(JobStatus.parse(Json.string(map, "status", "")), Json.bool(map, "successful"));
  }

  /** Forecast results (export results or the synchronous forecast), labelled with the read that produced them. */
  public static ForecastExport forecast(String body, String operation, ExportSource source) {
    Object json = parse(body, operation);
    if (!(json instanceof Map)) {
      throw unreadable(operation, "expected a JSON object with entries/users/fields/timePeriods/timeFrames"
          + " (was the export submitted with exportFormat CSV?)");
    }
    Map<String, Object> map = Json.object(json);
    return new ForecastExport(
        Json.objects(map, "entries").stream().map(ModelParser::entry).toList(),
        Json.objects(map, "users").stream().map(ModelParser::user).toList(),
        Json.objects(map, "fields").stream().map(f -> new ForecastField(Json.string(f, "fieldId", ""),
            Json.string(f, "fieldName"), Json.string(f, "fieldType"))).toList(),
        Json.objects(map, "timePeriods").stream().map(p -> new ForecastTimePeriod(Json.string(p, "timePeriodId", ""),
            Json.string(p, "type"), Json.string(p, "label"), Json.string(p, "year"), Json.string(p, "startDate"),
            Json.string(p, "endDate"), Json.string(p, "crmId"))).toList(),
        Json.objects(map, "timeFrames").stream().map(t -> new ForecastTimeFrame(Json.string(t, "timeFrameId", ""),
            Json.string(t, "startDate"), Json.string(t, "endDate"))).toList(),
        source);
  }

  private static ForecastEntry entry(Map<String, Object> e) {
    Map<String, Optional<Double>> values = new LinkedHashMap<>();
    e.keySet().stream().filter(k -> k.endsWith("Value")).forEach(k -> values.put(k, Json.number(e, k)));
    Optional<String> currency = e.get("currency") instanceof Map
        ? Json.string(Json.object(e.get("currency")), "code") : Json.string(e, "currency");
    return new ForecastEntry(Json.string(e, "userId", ""), Json.string(e, "fieldId", ""),
        Json.string(e, "timePeriodId", ""), Json.string(e, "timeFrameId", ""), values, currency,
        Json.bool(e, "isUpdated"), Json.string(e, "updatedBy"), Json.instant(e, "updatedOn"));
  }

  private static ForecastUser user(Map<String, Object> u) {
    return new ForecastUser(Json.string(u, "userId", ""), Json.string(u, "name"), Json.string(u, "email"),
        Json.string(u, "crmId"), Json.string(u, "scopeId"), Json.string(u, "hierarchyId"),
        Json.string(u, "hierarchyName"), Json.string(u, "parentHierarchyId"), Json.string(u, "parentHierarchyName"));
  }

  /** Admin limits under {@code jobs}, {@code exports}, or flat. */
  public static ExportLimits limits(String body, String operation) {
    Map<String, Object> root = object(body, operation);
    Map<String, Object> map = root.get("jobs") instanceof Map ? Json.object(root.get("jobs"))
        : root.get("exports") instanceof Map ? Json.object(root.get("exports")) : root;
    if (!map.containsKey("concurrentLimit") && !map.containsKey("availableConcurrentLimit")) {
      throw unreadable(operation, "no export limits under 'jobs' or 'exports'");
    }
    return new ExportLimits(Json.integer(map, "concurrentLimit", 0), Json.integer(map, "monthlyQuota", 0),
        Json.integer(map, "availableConcurrentLimit", 0), Json.integer(map, "availableMonthlyQuota", 0),
        Json.strings(map, "runningJobIds"), Json.strings(map, "submittedJobIds"));
  }

  /** One audit page, with actor names resolved. */
  public static AuditEventPage auditPage(String body, String operation) {
    Map<String, Object> map = object(body, operation);
    List<AuditActor> actors = Json.objects(map, "actors").stream().map(a -> new AuditActor(Json.string(a, "actorId", ""),
        Json.string(a, "actorType", ""), Json.string(a, "name"), Json.string(a, "email"))).toList();
    Map<String, String> names = new HashMap<>();
    actors.forEach(a -> a.name().ifPresent(n -> names.putIfAbsent(a.actorId(), n)));
    List<AuditEvent> events = Json.objects(map, "items").stream().map(i -> {
      String actorId = Json.string(i, "actorId", "");
      return new AuditEvent(Json.string(i, "correlationID").or(() -> Json.string(i, "correlationId")), actorId,
          Optional.ofNullable(names.get(actorId)), Json.string(i, "actorType", ""),
          Json.string(i, "impersonatingActorId"), Json.string(i, "event", ""),
          Json.withoutNulls(Json.object(i.get("eventParameters"))), Json.instant(i, "eventTimestamp"),
          Json.string(i, "sessionType"), Json.string(i, "ipAddress"));
    }).toList();
    return new AuditEventPage(events, actors, Json.string(map, "nextLink").filter(s -> !s.isBlank()));
  }

  /** The top-level array of {@code GET /opportunity}. */
  public static List<OpportunityInsight> insights(String body, String operation) {
    Object json = parse(body, operation);
    if (!(json instanceof List)) {
      throw unreadable(operation, "expected a JSON array of opportunities");
    }
    return Json.objects(json).stream().map(o -> new OpportunityInsight(Json.string(o, "id", ""),
        o.get("crmScore") instanceof Map ? Optional.of(score(Json.object(o.get("crmScore")))) : Optional.empty(),
        Json.objects(o, "fields").stream().map(ModelParser::field).toList())).toList();
  }

  private static CrmScore score(Map<String, Object> s) {
    return new CrmScore(Json.integer(s, "score", 0), Json.string(s, "message", ""));
  }

  private static InsightField field(Map<String, Object> f) {
    return new InsightField(Json.string(f, "id", ""), Json.string(f, "alias"), Optional.ofNullable(f.get("value")),
        Optional.ofNullable(f.get("originalValue")), Json.string(f, "trend"),
        Json.objects(f, "trendHistory").stream().map(t -> new TrendChange(Optional.ofNullable(t.get("oldValue")),
            Optional.ofNullable(t.get("newValue")), Json.instant(t, "date"))).toList());
  }

  private static Map<String, Object> object(String body, String operation) {
    Object json = parse(body, operation);
    if (!(json instanceof Map)) {
      throw unreadable(operation, "expected a JSON object");
    }
    return Json.object(json);
  }

  private static Object parse(String body, String operation) {
    try {
      return Json.parse(body);
    } catch (IOException | RuntimeException e) {
      throw unreadable(operation, "the body is not JSON");
    }
  }

  private static ClariServerException unreadable(String operation, String why) {
    return new ClariServerException("Clari " + operation + " answered 2xx but the body could not be read: " + why
        + ". Clari may have changed its API; report it with the request.", 200, null, null, null);
  }
}
