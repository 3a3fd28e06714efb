package io.revops.clari;

import io.revops.clari.internal.ClariRequests;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Dry run: the request each {@link ClariClient} operation would send, as {@link RequestPlan}s (apikey
 * redacted). Arguments are validated exactly as the real call would; nothing is sent.
 */
public final class ClariRequestPlans {
  private final ClariClient client;
  private final ClariRequests requests;

  ClariRequestPlans(ClariClient client) {
    this.client = client;
    this.requests = client.requests();
  }

  /**
   * The first request of {@link ClariClient#exportForecast}: the synchronous {@code GET /forecast/{id}} when
   * it would be used, else the export submit (followed at run time by status polls and the results download).
   */
  public RequestPlan exportForecast(ForecastExportRequest request) {
    Objects.requireNonNull(request, "request");
    return client.fastPathEligible(request) ? forecast(request) : submitForecastExport(request);
  }

  /** {@code POST /export/forecast/{forecastId}}. */
  public RequestPlan submitForecastExport(ForecastExportRequest request) {
    return ClariRequests.plan(requests.submitForecastExport(Objects.requireNonNull(request, "request")));
  }

  /** The synchronous {@code GET /forecast/{forecastId}} (latest week). */
  public RequestPlan forecast(ForecastExportRequest request) {
    return ClariRequests.plan(requests.forecast(Objects.requireNonNull(request, "request")));
  }

  /** {@code GET /export/jobs/{jobId}}. */
  public RequestPlan getExportJob(String jobId) {
    ClariClient.requireJobId(jobId);
    return ClariRequests.plan(requests.jobStatus(jobId));
  }

  /** {@code GET /export/jobs/{jobId}/results}. */
  public RequestPlan downloadForecastExport(String jobId) {
    ClariClient.requireJobId(jobId);
    return ClariRequests.plan(requests.jobResults(jobId));
  }

  /** {@code PATCH /export/jobs/{jobId}}. */
  public RequestPlan cancelExportJob(String jobId) {
    ClariClient.requireJobId(jobId);
    return ClariRequests.plan(requests.cancelJob(jobId));
  }

  /** {@code GET /admin/limits}. */
  public RequestPlan getAdminLimits() {
    return ClariRequests.plan(requests.adminLimits());
  }

  /** The first {@code GET /audit/events} page. */
  public RequestPlan listAuditEvents(AuditEventQuery query) {
    return ClariRequests.plan(requests.auditEvents(Objects.requireNonNull(query, "query")));
  }

  /** One {@code GET /opportunity} per batch of 100 validated, de-duplicated ids. */
  public List<RequestPlan> getOpportunityInsights(Collection<String> opportunityIds) {
    return client.opportunityBatches(opportunityIds).stream()
        .map(batch -> ClariRequests.plan(requests.opportunities(batch))).toList();
  }
}
