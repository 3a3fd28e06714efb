package io.revops.clari.internal;

import io.revops.clari.AuditEventQuery;
import io.revops.clari.ClariApiException;
import io.revops.clari.ExportType;
import io.revops.clari.ForecastExportRequest;
import io.revops.clari.RequestPlan;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okio.Buffer;

/**
 * Builds every request the client sends (without the token, which {@link ApiKeyInterceptor} adds), so
 * that executing and dry-running use the very same request.
 */
public final class ClariRequests {
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
  private final HttpUrl baseUrl;

  /** Requests relative to {@code baseUrl} (e.g. https://api.clari.com/v4). */
  public ClariRequests(HttpUrl baseUrl) {
    this.baseUrl = baseUrl;
  }

  /** {@code POST /export/forecast/{forecastId}} with the JSON body ({@code timePeriod} only when set). */
  public Request submitForecastExport(ForecastExportRequest r) {
    Map<String, Object> body = new LinkedHashMap<>();
    r.timePeriod().ifPresent(p -> body.put("timePeriod", p));
    body.put("typesToExport", r.orderedTypes().stream().map(ExportType::wireName).toList());
    r.scopeId().ifPresent(s -> body.put("scopeId", s));
    r.currency().ifPresent(c -> body.put("currency", c));
    body.put("includeHistorical", r.includeHistorical());
    body.put("exportFormat", r.exportFormat().name());
    body.put("schedule", r.schedule().name());
    return new Request.Builder().url(url("export", "forecast", r.forecastId()).build())
        .post(RequestBody.create(Json.write(body), JSON)).build();
  }

  /** {@code GET /forecast/{forecastId}[?timePeriod=...]} (synchronous, latest week; not in the 5.0.0 spec). */
  public Request forecast(ForecastExportRequest r) {
    HttpUrl.Builder url = url("forecast", r.forecastId());
    r.timePeriod().ifPresent(p -> url.addQueryParameter("timePeriod", p));
    r.orderedTypes().forEach(t -> url.addQueryParameter("typesToExport", t.wireName()));
    r.scopeId().ifPresent(s -> url.addQueryParameter("scopeId", s));
    r.currency().ifPresent(c -> url.addQueryParameter("currency", c));
    return new Request.Builder().url(url.build()).get().build();
  }

  /** {@code GET /export/jobs/{jobId}}. */
  public Request jobStatus(String jobId) {
    return new Request.Builder().url(url("export", "jobs", jobId).build()).get().build();
  }

  /** {@code GET /export/jobs/{jobId}/results}. */
  public Request jobResults(String jobId) {
    return new Request.Builder().url(url("export", "jobs", jobId, "results").build()).get().build();
  }

  /** {@code PATCH /export/jobs/{jobId}} with {@code {"type":"CANCEL"}}. */
  public Request cancelJob(String jobId) {
    return new Request.Builder().url(url("export", "jobs", jobId).build())
        .patch(RequestBody.create(Json.write(Map.of("type", "CANCEL")), JSON)).build();
  }

  /** {@code GET /admin/limits}. */
  public Request adminLimits() {
    return new Request.Builder().url(url("admin", "limits").build()).get().build();
  }

  /** {@code GET /audit/events} with the query's filters. */
  public Request auditEvents(AuditEventQuery q) {
    HttpUrl.Builder url = url("audit", "events").addQueryParameter("limit", Integer.toString(q.limit()));
    q.dateFrom().ifPresent(d -> url.addQueryParameter("dateFrom", d));
    q.dateTo().ifPresent(d -> url.addQueryParameter("dateTo", d));
    q.event().ifPresent(e -> url.addQueryParameter("event", e));
    return new Request.Builder().url(url.build()).get().build();
  }

  /** The next audit page: {@code nextLink} resolved against the base URL, refused on any other origin. */
  public Request auditNextPage(String nextLink) {
    HttpUrl next = baseUrl.resolve(nextLink);
    if (next == null || !next.scheme().equals(baseUrl.scheme()) || !next.host().equalsIgnoreCase(baseUrl.host())
        || next.port() != baseUrl.port()) {
      throw new ClariApiException("Clari's audit nextLink points outside " + baseUrl.scheme() + "://" + baseUrl.host()
          + " (" + (next == null ? "unparseable" : next.host()) + "); refusing to send the API token there."
          + " Stop paging and report it.", 200, null, null, null);
    }
    return new Request.Builder().url(next).get().build();
  }

  /** {@code GET /opportunity?oppId=...&oppId=...} for at most 100 ids. */
  public Request opportunities(List<String> ids) {
    HttpUrl.Builder url = url("opportunity");
    ids.forEach(id -> url.addQueryParameter("oppId", id));
    return new Request.Builder().url(url.build()).get().build();
  }

  /** The dry-run view of {@code request}: the apikey header shown redacted. */
  public static RequestPlan plan(Request request) {
    Map<String, String> headers = new TreeMap<>();
    request.headers().forEach(h -> headers.put(h.getFirst(), h.getSecond()));
    headers.put("apikey", RequestPlan.REDACTED);
    Optional<String> body = Optional.empty();
    if (request.body() != null) {
      MediaType type = request.body().contentType();
      if (type != null) {
        headers.put("Content-Type", type.toString());
      }
      try (Buffer buffer = new Buffer()) {
        request.body().writeTo(buffer);
        body = Optional.of(buffer.readUtf8());
      } catch (IOException e) {
        throw new IllegalStateException("cannot render request body", e);
      }
    }
    return new RequestPlan(request.method(), request.url().toString(), headers, body);
  }

  private HttpUrl.Builder url(String... segments) {
    HttpUrl.Builder builder = baseUrl.newBuilder();
    for (String segment : segments) {
      builder.addPathSegment(segment);
    }
    return builder;
  }
}
