package io.revops.examples;

import io.revops.salesforce.soql.GuardedQuery;
import io.revops.salesforce.soql.SecurityClause;
import io.revops.salesforce.soql.SoqlGuard;
import io.revops.salesforce.soql.SoqlRejectedException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code soql-lint}: runs each query, one per line, through the {@link SoqlGuard} that stands between
 * callers and Salesforce, and prints what would be sent (the guarded rewrite) or why it is refused and
 * where. Needs no credentials and sends nothing.
 */
@Command(name = "soql-lint",
    description = {
        "Checks SOQL queries, one per line, with the SOQL guard: prints the query that would be sent (with its"
            + " LIMIT and security clause) or the rejection with its line and column. Sends nothing.",
        "Exit code 1 when any query is rejected."},
    footer = {"", "Example:", "  echo \"SELECT Id, Name FROM Account\" | java -jar revops-examples.jar soql-lint"})
final class SoqlLintCommand implements Callable<Integer> {
  @Parameters(paramLabel = "FILE", arity = "0..*",
      description = "Files with one query per line; none, or '-', reads standard input.")
  private List<Path> files = List.of();

  @Option(names = "--max-limit", paramLabel = "ROWS", defaultValue = "" + SoqlGuard.DEFAULT_MAX_LIMIT,
      description = "The largest LIMIT let through; larger ones are lowered and a missing one is added."
          + " Default: ${DEFAULT-VALUE}.")
  private int maxLimit;

  @Option(names = "--security-clause", paramLabel = "CLAUSE", defaultValue = "NONE",
      description = "Clause added to every query: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.")
  private SecurityClause securityClause;

  @Spec
  private CommandSpec spec;

  private final InputStream stdin;
  private int accepted;
  private int rejected;

  SoqlLintCommand(InputStream stdin) {
    this.stdin = stdin;
  }

  @Override
  public Integer call() {
    if (maxLimit < 1) {
      throw new ParameterException(spec.commandLine(), "--max-limit must be at least 1, got " + maxLimit);
    }
    accepted = 0;
    rejected = 0;
    SoqlGuard guard = SoqlGuard.builder().maxLimit(maxLimit).securityClause(securityClause).build();
    if (files.isEmpty()) {
      lint(guard, "stdin", new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8)));
    }
    for (Path file : files) {
      lint(guard, file.toString(), open(file));
    }
    spec.commandLine().getErr().printf("%d queries: %d accepted, %d rejected%n", accepted + rejected, accepted, rejected);
    return rejected == 0 ? 0 : 1;
  }

  private void lint(SoqlGuard guard, String source, BufferedReader reader) {
    PrintWriter out = spec.commandLine().getOut();
    try (reader) {
      int lineNumber = 0;
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        lineNumber++;
        if (line.isBlank()) {
          continue;
        }
        try {
          GuardedQuery query = guard.check(line);
          out.printf("%s:%d: ok: %s%n", source, lineNumber, query.soql());
          accepted++;
        } catch (SoqlRejectedException e) {
          out.printf("%s:%d:%d: rejected: %s%n", source, lineNumber, e.position() + 1, e.reason());
          if (e.position() <= line.length()) {
            String pad = line.substring(0, e.position()).replaceAll("\\S", " "); // keeps tabs, so the caret lines up
            out.printf("    %s%n    %s^%n", line, pad);
          }
          rejected++;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Reading queries from " + source + " failed: " + e.getMessage(), e);
    }
  }

  private BufferedReader open(Path file) {
    if (file.toString().equals("-")) {
      return new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8));
    }
    if (!Files.isReadable(file)) {
      throw new ParameterException(spec.commandLine(), "Cannot read " + file + ": no such readable file");
    }
    try {
      return Files.newBufferedReader(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
