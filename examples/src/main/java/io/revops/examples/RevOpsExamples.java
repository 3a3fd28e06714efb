package io.revops.examples;

import static picocli.CommandLine.Model.UsageMessageSpec.SECTION_KEY_FOOTER;

import io.revops.clari.Sleeper;
import io.revops.core.config.ConfigVariable;
import io.revops.sandbox.Sandbox;
import io.revops.sandbox.SandboxOptions;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help;
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
            + " or Clari tenant, with the same variables as the MCP server (below)."},
    synopsisSubcommandLabel = "PROGRAM",
    footer = {
        "",
        "Exit codes: 0 success; 1 a service or file failed, or some input was rejected; 2 bad arguments or"
            + " environment.",
        "",
        "Run 'revops-examples PROGRAM --help' for a program's options."})
public final class RevOpsExamples implements Runnable {
  private static final String ENVIRONMENT = "environment";

  @Option(names = {"-h", "--help"}, usageHelp = true, scope = ScopeType.INHERIT, description = "Show this help.")
  private boolean help;

  @Spec
  private CommandSpec spec;

  private RevOpsExamples() {}

  /** Runs one program and exits with its code; see {@code --help}. */
  public static void main(String[] args) {
    quietLibraryLogging();
    Clock clock = Clock.systemUTC();
    int exitCode;
    try (Backends backends = new Backends(System.getenv(),
        () -> Sandbox.start(SandboxOptions.builder().clock(clock).build()), clock, Sleeper.system())) {
      exitCode = commandLine(backends, System.in).execute(args);
    }
    System.exit(exitCode);
  }

  /** The SDKs log through java.util.logging; a command line shows their warnings only, one line each. */
  private static void quietLibraryLogging() {
    System.setProperty("java.util.logging.SimpleFormatter.format", "%4$s: %5$s%6$s%n");
    Logger.getLogger("").setLevel(Level.WARNING);
  }

  /** The command line with every program, reading clients from {@code backends} and input from {@code stdin}. */
  static CommandLine commandLine(Backends backends, InputStream stdin) {
    Failures failures = new Failures();
    CommandLine commandLine = new CommandLine(new RevOpsExamples())
        .addSubcommand(new PipelineReportCommand(backends))
        .addSubcommand(new ForecastExportCommand(backends))
        .addSubcommand(new DealRiskCommand(backends, stdin))
        .addSubcommand(new SoqlLintCommand(stdin))
        .setCaseInsensitiveEnumValuesAllowed(true)
        .setParameterExceptionHandler(failures)
        .setExecutionExceptionHandler(failures);
    List<String> sections = new ArrayList<>(commandLine.getHelpSectionKeys());
    sections.add(sections.indexOf(SECTION_KEY_FOOTER), ENVIRONMENT);
    commandLine.setHelpSectionKeys(sections);
    commandLine.getHelpSectionMap().put(ENVIRONMENT, RevOpsExamples::environmentHelp);
    return commandLine;
  }

  /** The variables that point the programs at a real org or tenant, from the server's own list. */
  private static String environmentHelp(Help help) {
    int nameWidth = 30;
    int textWidth = help.commandSpec().usageMessage().width() - nameWidth - 2;
    StringBuilder section = new StringBuilder(String.format("%nEnvironment (unset: the built-in sandbox):%n"));
    Arrays.stream(ConfigVariable.values())
        .filter(variable -> variable.name().startsWith("SFDC_") || variable.name().startsWith("CLARI_"))
        .forEach(variable -> {
          List<String> lines = wrapAtSpaces(variable.description(), textWidth);
          section.append(String.format("  %-" + nameWidth + "s%s%n", variable.name(), lines.get(0)));
          lines.subList(1, lines.size()).forEach(line -> section.append(" ".repeat(nameWidth + 4)).append(line)
              .append(System.lineSeparator()));
        });
    return section.toString();
  }

  /** Lines of at most {@code width} characters, broken at spaces only (URLs stay whole). */
  private static List<String> wrapAtSpaces(String text, int width) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.split(" ")) {
      if (line.length() > 0 && line.length() + 1 + word.length() > width) {
        lines.add(line.toString());
        line.setLength(0);
      }
      line.append(line.length() > 0 ? " " : "").append(word);
    }
    lines.add(line.toString());
    return lines;
  }

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(),
        "Name a program: pipeline-report, forecast-export, deal-risk or soql-lint");
  }
}
