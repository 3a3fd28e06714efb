package io.revops.core.risk;

import java.util.Objects;

/**
 * A requested opportunity Clari gave no answer for.
 *
 * @param opportunityId the id (18 characters)
 * @param reason why, for people
 */
public record DealRiskFailure(String opportunityId, String reason) {

  /** Checks for nulls. */
  public DealRiskFailure {
    Objects.requireNonNull(opportunityId, "opportunityId");
    Objects.requireNonNull(reason, "reason");
  }
}
