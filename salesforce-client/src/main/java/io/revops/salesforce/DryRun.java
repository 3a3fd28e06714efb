package io.revops.salesforce;

import io.revops.salesforce.internal.HttpExecutor;
import io.revops.salesforce.soql.GuardedQuery;
import java.util.List;
import java.util.Map;

/**
 * The dry-run view of a {@link SalesforceClient}: each method validates its arguments exactly like the
 * operation of the same name and returns the {@link RequestPlan} it would send, without contacting
 * Salesforce or asking the token provider for a token. The URL uses the instance of the most recent
 * token, or the configured instance before any request.
 */
public final class DryRun {
  private final Endpoints endpoints;
  private final HttpExecutor executor;

  DryRun(Endpoints endpoints, HttpExecutor executor) {
    this.endpoints = endpoints;
    this.executor = executor;
  }

  public RequestPlan retrieve(String sObjectType, SalesforceId id, List<String> fields) {
    return executor.plan(endpoints.retrieve(sObjectType, id, fields));
  }

  public RequestPlan describe(String sObjectType) {
    return executor.plan(endpoints.describe(sObjectType));
  }

  public RequestPlan create(String sObjectType, Map<String, ?> fields) {
    return executor.plan(endpoints.create(sObjectType, fields));
  }

  public RequestPlan update(String sObjectType, SalesforceId id, Map<String, ?> changedFields) {
    return executor.plan(endpoints.update(sObjectType, id, changedFields));
  }

  public RequestPlan composite(CompositeRequest request) {
    return executor.plan(endpoints.composite(request));
  }

  public RequestPlan query(GuardedQuery query) {
    return executor.plan(endpoints.query(query));
  }

  public RequestPlan nextPage(QueryCursor cursor) {
    return executor.plan(endpoints.nextPage(cursor));
  }

  public RequestPlan userInfo() {
    return executor.plan(endpoints.userInfo());
  }

  public RequestPlan limits() {
    return executor.plan(endpoints.limits());
  }
}
