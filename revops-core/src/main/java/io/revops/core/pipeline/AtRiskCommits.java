package io.revops.core.pipeline;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Commit-stage opportunities at risk before a quarter end, by rule (a) no recent activity and rule (b)
 * closing in the quarter's last 14 days without an upcoming meeting on the account.
 *
 * @param quarterEndDate the quarter end asked about
 * @param commitStage the {@code StageName} value treated as commit
 * @param asOf today (UTC), from which "the last 14 days" and "upcoming" are measured
 * @param deals the flagged opportunities, by close date
 * @param truncated true when more than 200 commit-stage opportunities matched either rule's dates, so
 *     only the 200 closing first were examined
 * @param clari whether Clari's scores are included, and why not when they are not
 */
public record AtRiskCommits(
    LocalDate quarterEndDate, String commitStage, LocalDate asOf, List<AtRiskCommit> deals, boolean truncated,
    ClariScores clari) {

  public AtRiskCommits {
    Objects.requireNonNull(quarterEndDate, "quarterEndDate");
    Objects.requireNonNull(commitStage, "commitStage");
    Objects.requireNonNull(asOf, "asOf");
    deals = List.copyOf(deals);
    Objects.requireNonNull(clari, "clari");
  }
}
