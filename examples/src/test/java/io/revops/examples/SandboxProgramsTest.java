package io.revops.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.revops.sandbox.ClariSampleData;
import io.revops.sandbox.SampleRecord;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * pipeline-report and deal-risk with no environment, as a newcomer runs them: against the built-in
 * sandbox, each answer checked against values computed directly from the sandbox's seed data.
 */
class SandboxProgramsTest {
  SampleBackends sample;

  @BeforeEach
  void start() {
    sample = new SampleBackends();
  }

  @AfterEach
  void stop() {
    sample.close();
  }

  /** Open opportunities closing from today through today + days, per stage in picklist order: {count, amount}. */
  Map<String, Object[]> expectedStages(LocalDate today, int days) {
    Map<String, Object[]> stages = new LinkedHashMap<>();
    sample.sandbox.data().stageNames().forEach(stage -> stages.put(stage, new Object[] {0L, BigDecimal.ZERO}));
    for (SampleRecord opp : sample.sandbox.data().records("Opportunity")) {
      LocalDate close = opp.getDate("CloseDate").orElseThrow();
      if (!opp.getBoolean("IsClosed").orElseThrow() && !close.isBefore(today) && !close.isAfter(today.plusDays(days))) {
        Object[] total = stages.get(opp.getString("StageName").orElseThrow());
        total[0] = (Long) total[0] + 1;
        total[1] = ((BigDecimal) total[1]).add(opp.getDecimal("Amount").orElse(BigDecimal.ZERO));
      }
    }
    stages.values().removeIf(total -> (Long) total[0] == 0);
    return stages;
  }

  @Test
  void pipelineReportShowsTheSeededOpenPipelinePerStage() {
    LocalDate today = sample.sandbox.data().today();
    Map<String, Object[]> expected = expectedStages(today, 60);

    Cli.Result result = Cli.run(sample.backends, "", "pipeline-report", "--days", "60");

    assertThat(result.exitCode()).isZero();
    assertThat(expected).as("the seed has open pipeline in the window").hasSizeGreaterThan(2);
    List<String> lines = result.out().lines().toList();
    assertThat(lines.get(0)).isEqualTo("Open pipeline closing " + today + " to " + today.plusDays(60));
    List<String> stageLines = lines.subList(4, 4 + expected.size());
    List<String> expectedLines = new ArrayList<>();
    long count = 0;
    BigDecimal amount = BigDecimal.ZERO;
    for (Map.Entry<String, Object[]> stage : expected.entrySet()) {
      expectedLines.add(stage.getKey() + " " + stage.getValue()[0] + " " + money((BigDecimal) stage.getValue()[1]));
      count += (Long) stage.getValue()[0];
      amount = amount.add((BigDecimal) stage.getValue()[1]);
    }
    assertThat(stageLines).map(line -> line.replaceAll(" {2,}", " ")).containsExactlyElementsOf(expectedLines);
    assertThat(lines.get(4 + expected.size() + 1).replaceAll(" {2,}", " "))
        .isEqualTo("Total " + count + " " + money(amount));
    assertThat(result.err()).startsWith("Pipeline from the built-in sandbox (sample data of Larkspur Systems;");
  }

  @Test
  void dealRiskShowsClarisSeededScoresForOpportunityIdsOnStdin() {
    List<String> ids = sample.sandbox.data().records("Opportunity").stream().limit(5).map(SampleRecord::id).toList();

    Cli.Result result = Cli.run(sample.backends, String.join("\n", ids) + "\n", "deal-risk");

    assertThat(result.exitCode()).isZero();
    List<String> rows = result.out().lines().skip(2).toList();
    assertThat(rows).hasSize(ids.size());
    for (int i = 0; i < ids.size(); i++) {
      ClariSampleData.DealScore score = sample.sandbox.data().clari().dealScore(ids.get(i)).orElseThrow();
      assertThat(rows.get(i).replaceAll(" {2,}", " "))
          .isEqualTo((ids.get(i) + " " + score.score() + " " + score.message()).strip());
    }
    assertThat(result.err()).startsWith("Deal scores from the built-in sandbox (sample data of Larkspur Systems;");
  }

  @Test
  void theIdsInDealRisksHelpAndTheReadmeExistInTheSandbox() {
    Cli.Result result = Cli.run(sample.backends, "", "deal-risk", "006Sb0000000001IAA", "006Sb0000000002IAA");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out().lines().skip(2)).hasSize(2);
    assertThat(Cli.run(Cli.noBackends(), "", "deal-risk", "--help").out())
        .contains("deal-risk 006Sb0000000001IAA 006Sb0000000002IAA");
  }

  private static String money(BigDecimal amount) {
    return String.format(Locale.ROOT, "%,.2f", amount);
  }
}
