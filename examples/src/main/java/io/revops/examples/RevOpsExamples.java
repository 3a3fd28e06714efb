package io.revops.examples;

import io.revops.clari.Sleeper;
import java.io.InputStream;
import java.time.Clock;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The entry point of {@code revops-examples.jar}: dispatches to the example programs
 * {@code pipeline-report}, {@code forecast-export}, {@code deal-risk} and {@code soql-lint}. Each runs
 * against the built-in sandbox unless the environment names a Salesforce org or Clari tenant, prints
 * its result on stdout and its notes on stderr, and exits non-zero with a message when it fails.
 *
 * <pre>{@code java -jar examples/target/revops-examples.jar pipeline-report --days 90}</pre>
 */
@Command(name = "revops-examples",
    description = {
        "Example programs that use the revops-mcp SDKs directly, without MCP.",
        "Each runs against the built-in sandbox (sample data) unless the environment names your Salesforce org"
            + " (SFDC_INSTANCE_URL, SFDC_ACCESS_TOKEN) or Clari tenant (CLARI_API_TOKEN, CLARI_FORECAST_ID) -"
            + " the same variables as the MCP server."},
    synopsisSubcommandLabel = "PROGRAM",
    footer = {
        "",
        "Exit codes: 0 success; 1 a service or file failed, or some input was rejected; 2 bad arguments or"
            + " environment.",
        "",
        "Run 'revops-examples PROGRAM --help' for a program's options."})
public final class RevOpsExamples implements Runnable {
  @Option(names = {"-h", "--help"}, usageHelp = true, scope = ScopeType.INHERIT, description = "Show this help.")
  private boolean help;

  @Spec
  private CommandSpec spec;

  private RevOpsExamples() {}

  /** Runs one program and exits with its code; see {@code --help}. */
  public static void main(String[] args) {
    int exitCode;
    try (Backends backends = new Backends(System.getenv(), SandboxServer::start, Clock.systemUTC(), Sleeper.system())) {
      exitCode = commandLine(backends, System.in).execute(args);
    }
    System.exit(exitCode);
  }

  /** The command line with every program, reading clients from {@code backends} and input from {@code stdin}. */
  static CommandLine commandLine(Backends backends, InputStream stdin) {
    Failures failures = new Failures();
    return new CommandLine(new RevOpsExamples())
        .addSubcommand(new PipelineReportCommand(backends))
        .addSubcommand(new ForecastExportCommand(backends))
        .addSubcommand(new DealRiskCommand(backends, stdin))
        .addSubcommand(new SoqlLintCommand(stdin))
        .setCaseInsensitiveEnumValuesAllowed(true)
        .setParameterExceptionHandler(failures)
        .setExecutionExceptionHandler(failures);
  }

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(),
        "Name a program: pipeline-report, forecast-export, deal-risk or soql-lint");
  }
}
