package io.revops.examples;

import io.revops.clari.ClariApiException;
import io.revops.core.RevOpsArgumentException;
import io.revops.core.config.ConfigurationException;
import io.revops.salesforce.SalesforceApiException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Turns failures into one message on stderr and an exit code: {@value #USAGE} for a bad argument or
 * environment, {@value #FAILED} when a service or a file failed. The SDKs' messages already say what
 * failed and what to do, so they are printed as they are. Anything else is a bug and keeps its stack
 * trace.
 */
final class Failures implements IExecutionExceptionHandler, IParameterExceptionHandler {
  /** A service call, a file, or some of the input failed. */
  static final int FAILED = 1;
  /** Bad options, arguments or environment: nothing was sent. */
  static final int USAGE = 2;

  @Override
  public int handleParseException(ParameterException e, String[] args) {
    CommandLine command = e.getCommandLine();
    PrintWriter err = command.getErr();
    err.println(command.getColorScheme().errorText(e.getMessage()));
    UnmatchedArgumentException.printSuggestions(e, err);
    err.printf("Run '%s --help' for usage.%n", command.getCommandSpec().qualifiedName());
    return USAGE;
  }

  @Override
  public int handleExecutionException(Exception e, CommandLine command, ParseResult parsed) throws Exception {
    Optional<Integer> exitCode = exitCodeOf(e);
    if (exitCode.isEmpty()) {
      throw e; // a bug: picocli prints the stack trace
    }
    command.getErr().println(command.getColorScheme().errorText(
        command.getCommandSpec().qualifiedName() + ": " + e.getMessage()));
    return exitCode.get();
  }

  private static Optional<Integer> exitCodeOf(Exception e) {
    if (e instanceof ConfigurationException || e instanceof RevOpsArgumentException
        || e instanceof IllegalArgumentException) { // the SDKs' argument checks, made before any request
      return Optional.of(USAGE);
    }
    if (e instanceof ClariApiException || e instanceof SalesforceApiException || e instanceof UncheckedIOException) {
      return Optional.of(FAILED);
    }
    return Optional.empty();
  }
}
