package io.revops.clari;

import java.util.List;

/**
 * The result of {@link ClariClient#getOpportunityInsights}: insights in the order of the requested ids
 * (ids Clari did not return are simply absent), plus the batches that failed. A failed batch does not
 * discard the others.
 *
 * @param insights insights in input order
 * @param failures failed batches with their ids and reason
 */
public record OpportunityInsights(List<OpportunityInsight> insights, List<InsightFailure> failures) {
  /** Copies the lists. */
  public OpportunityInsights {
    insights = List.copyOf(insights);
    failures = List.copyOf(failures);
  }

  /** True when every batch succeeded. */
  public boolean isComplete() {
    return failures.isEmpty();
  }
}
