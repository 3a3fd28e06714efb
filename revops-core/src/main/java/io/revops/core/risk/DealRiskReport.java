package io.revops.core.risk;

import java.util.List;

/**
 * The answer of {@link DealRiskService#getDealRisk}: Clari's view of each deal it answered for, in the
 * order asked, and each requested id it did not answer for with the reason.
 *
 * @param deals the deals Clari answered for
 * @param failures the ids without an answer (a failed batch, or unknown to Clari)
 */
public record DealRiskReport(List<DealRisk> deals, List<DealRiskFailure> failures) {

  /** Copies the lists. */
  public DealRiskReport {
    deals = List.copyOf(deals);
    failures = List.copyOf(failures);
  }
}
