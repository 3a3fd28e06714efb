package io.revops.core.pipeline;

import io.revops.salesforce.SalesforceId;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A commit-stage opportunity flagged as at risk, with the rule or rules that flagged it.
 *
 * @param id the opportunity id
 * @param name its name
 * @param accountName its account's name, when it has a visible account
 * @param amount its amount, when set
 * @param closeDate its close date
 * @param lastActivityDate its {@code LastActivityDate}, when any activity is logged
 * @param ownerName its owner's name, when visible
 * @param rules the rules that flagged it (one or both), in {@link RiskRule} order
 * @param reasons one sentence per rule with the dates that decided it
 * @param clariScore Clari's score, when Clari is configured, answered, and tracks the deal
 */
public record AtRiskCommit(
    SalesforceId id, String name, Optional<String> accountName, Optional<BigDecimal> amount, LocalDate closeDate,
    Optional<LocalDate> lastActivityDate, Optional<String> ownerName, List<RiskRule> rules, List<String> reasons,
    Optional<ClariDealScore> clariScore) {

  public AtRiskCommit {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(accountName, "accountName");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(closeDate, "closeDate");
    Objects.requireNonNull(lastActivityDate, "lastActivityDate");
    Objects.requireNonNull(ownerName, "ownerName");
    rules = List.copyOf(rules);
    reasons = List.copyOf(reasons);
    Objects.requireNonNull(clariScore, "clariScore");
  }

  AtRiskCommit withClariScore(Optional<ClariDealScore> score) {
    return new AtRiskCommit(id, name, accountName, amount, closeDate, lastActivityDate, ownerName, rules, reasons,
        score);
  }
}
