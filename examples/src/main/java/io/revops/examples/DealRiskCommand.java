package io.revops.examples;

import io.revops.core.risk.DealRisk;
import io.revops.core.risk.DealRiskFailure;
import io.revops.core.risk.DealRiskReport;
import io.revops.core.risk.DealRiskService;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code deal-risk}: Clari's deal score and its explanation for each opportunity id given, from
 * Clari's opportunity API in batches of 100 ({@link DealRiskService#getDealRisk}).
 */
@Command(name = "deal-risk",
    description = {
        "Prints Clari's deal score and its explanation for each Salesforce opportunity id, in the order given.",
        "Exit code 1 when Clari gave no answer for some id (each is listed on stderr with the reason)."},
    footer = {"", "Examples (the ids exist in the built-in sandbox):",
        "  java -jar revops-examples.jar deal-risk 006Sb0000000001IAA 006Sb0000000002IAA",
        "  cut -d, -f1 opportunities.csv | java -jar revops-examples.jar deal-risk"})
final class DealRiskCommand implements Callable<Integer> {
  @Parameters(paramLabel = "OPPORTUNITY_ID", arity = "0..*",
      description = "Opportunity ids (006..., 15 or 18 characters). None, or '-', reads them from stdin,"
          + " separated by spaces, commas or new lines.")
  private List<String> arguments = List.of();

  @Spec
  private CommandSpec spec;

  private final Backends backends;
  private final InputStream stdin;

  DealRiskCommand(Backends backends, InputStream stdin) {
    this.backends = backends;
    this.stdin = stdin;
  }

  @Override
  public Integer call() {
    List<String> ids = arguments.isEmpty() || arguments.equals(List.of("-")) ? readIds() : arguments;
    if (ids.isEmpty()) {
      throw new ParameterException(spec.commandLine(), "No opportunity ids: pass them as arguments or on stdin");
    }
    Backends.Clari clari = backends.clari();
    PrintWriter err = spec.commandLine().getErr();
    err.println("Deal scores from " + clari.source());

    DealRiskReport report = new DealRiskService(clari.client()).getDealRisk(ids);

    TextTable table = new TextTable().left("Opportunity").right("Score").left("Why");
    for (DealRisk deal : report.deals()) {
      table.row(deal.opportunityId(), deal.score().map(String::valueOf).orElse("-"), deal.scoreMessage().orElse(""));
    }
    table.print(spec.commandLine().getOut());
    for (DealRiskFailure failure : report.failures()) {
      err.printf("No score for %s: %s%n", failure.opportunityId(), failure.reason());
    }
    return report.failures().isEmpty() ? 0 : Failures.FAILED;
  }

  private List<String> readIds() {
    try {
      BufferedReader reader = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8));
      return reader.lines()
          .flatMap(line -> Arrays.stream(line.split("[\\s,;]+")))
          .filter(id -> !id.isEmpty())
          .toList();
    } catch (UncheckedIOException e) {
      throw new UncheckedIOException("Reading opportunity ids from stdin failed: " + e.getCause().getMessage(),
          e.getCause());
    }
  }
}
