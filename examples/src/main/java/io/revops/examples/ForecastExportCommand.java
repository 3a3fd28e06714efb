package io.revops.examples;

import io.revops.clari.ExportFormat;
import io.revops.clari.ExportOptions;
import io.revops.clari.ExportType;
import io.revops.clari.ForecastExportRequest;
import io.revops.core.forecast.QuarterPeriod;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code forecast-export}: one Clari forecast period to CSV, through an export job
 * ({@link io.revops.clari.ClariClient#exportForecastCsv}), with a progress line on stderr while Clari
 * works. Every export job spends one unit of the tenant's monthly export quota.
 */
@Command(name = "forecast-export",
    description = "Exports a Clari forecast period to CSV (Clari's columns: User, Email, ..., Data Type, Data"
        + " Value), showing the export job's progress on stderr. Each run spends one export of the tenant's"
        + " monthly quota.",
    footer = {"", "Example:", "  java -jar revops-examples.jar forecast-export --period 2026_Q2 -o forecast.csv"})
final class ForecastExportCommand implements Callable<Integer> {
  @Option(names = "--forecast", paramLabel = "FORECAST_ID",
      description = "Forecast Tab id, the slug in the Clari forecast URL (net_arr in"
          + " app.clari.com/forecast/net_arr). Default: CLARI_FORECAST_ID, or the sandbox's.")
  private Optional<String> forecastId = Optional.empty();

  @Option(names = "--period", paramLabel = "QUARTER",
      description = "The quarter, such as 2026_Q2 or 'Q2 2026'. Default: the current calendar quarter.")
  private Optional<String> period = Optional.empty();

  @Option(names = "--types", paramLabel = "TYPE", split = ",",
      description = "Data types to export, comma-separated: ${COMPLETION-CANDIDATES}."
          + " Default: forecast,forecast_updated.")
  private Set<ExportType> types = EnumSet.of(ExportType.FORECAST, ExportType.FORECAST_UPDATED);

  @Option(names = "--history", description = "Week-by-week values since the start of the quarter.")
  private boolean includeHistorical;

  @Option(names = "--scope", paramLabel = "SCOPE_ID", description = "Hierarchy root, such as 1905::MGR.")
  private String scopeId;

  @Option(names = "--currency", paramLabel = "CODE", description = "ISO 4217 currency code, such as USD.")
  private String currency;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the CSV here. Default: stdout.")
  private Optional<Path> output = Optional.empty();

  @Spec
  private CommandSpec spec;

  private final Backends backends;

  ForecastExportCommand(Backends backends) {
    this.backends = backends;
  }

  @Override
  public Integer call() {
    QuarterPeriod quarter = period.map(text -> QuarterPeriod.parse("--period", text)).orElseGet(this::currentQuarter);
    output.ifPresent(this::requireWritable); // before the export spends quota
    Backends.Clari clari = backends.clari();
    String forecast = forecastId.or(clari::defaultForecastId).orElseThrow(() -> new ParameterException(
        spec.commandLine(), "--forecast is missing: pass the Forecast Tab id from the Clari forecast URL"
            + " (net_arr in app.clari.com/forecast/net_arr), or set CLARI_FORECAST_ID"));
    ForecastExportRequest request = ForecastExportRequest.builder(forecast, quarter.clariId())
        .typesToExport(types)
        .includeHistorical(includeHistorical)
        .scopeId(scopeId)
        .currency(currency)
        .exportFormat(ExportFormat.CSV)
        .build();

    PrintWriter err = spec.commandLine().getErr();
    err.printf("Exporting forecast %s for %s from %s%n", forecast, quarter.label(), clari.source());
    ProgressLine progress = new ProgressLine(err, System.console() != null);
    String csv;
    try {
      csv = clari.client().exportForecastCsv(request, ExportOptions.builder()
          .maxAttempts(clari.pollMaxAttempts())
          .pollInterval(clari.pollInterval())
          .waitForExportSlot(true)
          .listener(progress)
          .build());
    } finally {
      progress.finish();
    }

    long rows = Math.max(0, csv.lines().count() - 1);
    write(csv);
    err.printf(Locale.ROOT, "%,d rows written to %s%n", rows, output.map(Path::toString).orElse("stdout"));
    return 0;
  }

  private QuarterPeriod currentQuarter() {
    LocalDate today = LocalDate.now(backends.clock());
    return new QuarterPeriod(today.getYear(), (today.getMonthValue() - 1) / 3 + 1);
  }

  private void requireWritable(Path file) {
    Path directory = file.toAbsolutePath().getParent();
    if (Files.isDirectory(file) || directory == null || !Files.isDirectory(directory) || !Files.isWritable(directory)) {
      throw new ParameterException(spec.commandLine(), "--output " + file + " cannot be written: its directory does"
          + " not exist or is not writable, or it is a directory");
    }
  }

  private void write(String csv) {
    if (output.isEmpty()) {
      PrintWriter out = spec.commandLine().getOut();
      out.print(csv.endsWith("\n") || csv.isEmpty() ? csv : csv + System.lineSeparator());
      out.flush();
      return;
    }
    try {
      Files.writeString(output.get(), csv, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Writing " + output.get() + " failed (" + e + "); the export itself succeeded", e);
    }
  }
}
