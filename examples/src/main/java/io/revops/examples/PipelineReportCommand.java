package io.revops.examples;

import io.revops.core.pipeline.PipelineByStage;
import io.revops.core.pipeline.PipelineService;
import io.revops.core.pipeline.StageTotal;
import io.revops.core.salesforce.DescribeCache;
import io.revops.salesforce.SalesforceClient;
import io.revops.salesforce.soql.SoqlGuard;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code pipeline-report}: open Salesforce pipeline by stage, as a table. Two aggregate queries
 * ({@link PipelineService#pipelineByStage}), so the totals are exact however many opportunities there are.
 */
@Command(name = "pipeline-report",
    description = "Prints open pipeline by stage (count and amount) for opportunities closing in the next DAYS"
        + " days, in the org's stage order, with the overdue ones apart.",
    footer = {"", "Example:", "  java -jar revops-examples.jar pipeline-report --days 90"})
final class PipelineReportCommand implements Callable<Integer> {
  private static final int MAX_DAYS = 3650;

  @Option(names = "--days", paramLabel = "DAYS", defaultValue = "" + PipelineService.DEFAULT_WINDOW_DAYS,
      description = "Close-date window from today (UTC), 1-" + MAX_DAYS + ". Default: ${DEFAULT-VALUE}.")
  private int days;

  @Option(names = "--owner", paramLabel = "USER_ID", description = "Only this owner's opportunities (a User id, 005...).")
  private Optional<String> ownerId = Optional.empty();

  @Spec
  private CommandSpec spec;

  private final Backends backends;

  PipelineReportCommand(Backends backends) {
    this.backends = backends;
  }

  @Override
  public Integer call() {
    if (days < 1 || days > MAX_DAYS) {
      throw new ParameterException(spec.commandLine(), "--days must be from 1 to " + MAX_DAYS + ", got " + days);
    }
    Backends.Salesforce salesforce = backends.salesforce();
    spec.commandLine().getErr().println("Pipeline from " + salesforce.source());

    SalesforceClient client = salesforce.client();
    PipelineService pipeline = new PipelineService(client, new DescribeCache(client), SoqlGuard.defaults(),
        backends.clock(), salesforce.commitStageName(), Optional.empty());
    PipelineByStage report = pipeline.pipelineByStage(days, ownerId);

    print(report, spec.commandLine().getOut());
    if (report.currency().isoCode().isEmpty()) {
      spec.commandLine().getErr().println("Note: amounts are in " + report.currency().description());
    }
    return 0;
  }

  private static void print(PipelineByStage report, PrintWriter out) {
    String currency = report.currency().isoCode().orElse("amount");
    out.printf("Open pipeline closing %s to %s%s%n%n", report.closeDateFrom(), report.closeDateTo(),
        report.ownerId().map(id -> ", owner " + id).orElse(""));
    TextTable table = new TextTable().left("Stage").right("Deals").right("Amount (" + currency + ")");
    for (StageTotal stage : report.stages()) {
      table.row(stage.stage(), count(stage.count()), money(stage.amount()));
    }
    table.footer("Total", count(report.total().count()), money(report.total().amount())).print(out);
    out.printf("%nOverdue (open, closing before %s): %s deals, %s %s%n", report.closeDateFrom(),
        count(report.overdue().count()), money(report.overdue().amount()), currency);
  }

  private static String count(long count) {
    return String.format(Locale.ROOT, "%,d", count);
  }

  private static String money(BigDecimal amount) {
    return String.format(Locale.ROOT, "%,.2f", amount);
  }
}
