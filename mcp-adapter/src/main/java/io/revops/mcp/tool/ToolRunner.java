package io.revops.mcp.tool;

import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.revops.mcp.tool.CallLog.Outcome;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one wrapper around every tool handler. For each call it: checks the arguments against the
 * tool's input schema (a failure is an {@code isError} result and nothing is sent); picks dry run or
 * real run ({@code dry_run}, defaulting to the server's mode); turns any exception into an
 * {@code isError} result with an actionable message (never a stack trace, never a credential, never a
 * JSON-RPC error); keeps the result under the size budget; and writes one line to the call log.
 * Thread-safe: calls run concurrently.
 */
public final class ToolRunner {
  private static final Logger LOG = Logger.getLogger(ToolRunner.class.getName());
  private static final String VALIDATOR_PREFIX = "Validation failed: JSON schema validation errors: ";

  private final boolean dryRunByDefault;
  private final Supplier<JsonSchemaValidator> validator;
  private final HttpActivity http;
  private final ResultLimiter limiter;
  private final Redactor redactor;
  private final CallLog callLog;

  /**
   * Creates the runner.
   *
   * @param dryRunByDefault whether calls without {@code dry_run} only plan ({@code --dry-run}, REVOPS_DRY_RUN)
   * @param validator the JSON Schema validator for arguments, asked for on the first call
   */
  public ToolRunner(boolean dryRunByDefault, Supplier<JsonSchemaValidator> validator, HttpActivity http,
      ResultLimiter limiter, Redactor redactor, CallLog callLog) {
    this.dryRunByDefault = dryRunByDefault;
    this.validator = Objects.requireNonNull(validator, "validator");
    this.http = Objects.requireNonNull(http, "http");
    this.limiter = Objects.requireNonNull(limiter, "limiter");
    this.redactor = Objects.requireNonNull(redactor, "redactor");
    this.callLog = Objects.requireNonNull(callLog, "callLog");
  }

  /** Whether calls without {@code dry_run} only plan. */
  public boolean dryRunByDefault() {
    return dryRunByDefault;
  }

  /** Runs one call of {@code tool}; never throws. */
  public CallToolResult call(ToolDefinition tool, Map<String, Object> rawArguments, CallContext context) {
    long start = System.nanoTime();
    Map<String, Object> arguments = rawArguments == null ? Map.of() : rawArguments;
    Outcome outcome;
    Optional<String> errorKind = Optional.empty();
    CallToolResult result;
    List<Integer> statuses;
    try (HttpActivity.Recording recording = http.start()) {
      try {
        if (context.cancellation().isCancelled()) {
          throw new ToolFailureException("cancelled", "The client cancelled this call before it started; nothing"
              + " was sent.");
        }
        checkSchema(tool, arguments);
        boolean dryRun = new Arguments(arguments).bool(ToolDefinition.DRY_RUN).orElse(dryRunByDefault);
        Invocation<?> invocation = tool.handler().prepare(new Arguments(withoutDryRun(arguments)), context);
        ToolOutput output = dryRun ? Plans.render(invocation.plan()) : invocation.execute();
        result = success(limiter.limit(output, tool.howToGetMore()));
        outcome = dryRun ? Outcome.DRY_RUN : Outcome.OK;
      } catch (Exception | StackOverflowError | LinkageError | AssertionError e) {
        Failure failure = Failures.describe(tool.name(), e, soqlOf(arguments), tool::argumentName);
        if (failure.kind().equals("internal")) {
          logBug(tool, e);
        }
        result = error(failure.message());
        outcome = Outcome.ERROR;
        errorKind = Optional.of(failure.kind());
      }
      statuses = recording.statuses();
    }
    callLog.record(tool.name(), CanonicalJson.sha256(arguments), Duration.ofNanos(System.nanoTime() - start),
        statuses, outcome, errorKind);
    return result;
  }

  /** A bug's stack trace goes to stderr for the bug report, with credentials removed like everything else. */
  private void logBug(ToolDefinition tool, Throwable e) {
    java.io.StringWriter trace = new java.io.StringWriter();
    e.printStackTrace(new java.io.PrintWriter(trace));
    LOG.log(Level.SEVERE, "Tool {0} failed unexpectedly: {1}", new Object[] {tool.name(), redactor.redact(trace.toString())});
  }

  private void checkSchema(ToolDefinition tool, Map<String, Object> arguments) {
    JsonSchemaValidator.ValidationResponse response = validator.get()
        .validate(tool.inputSchema(dryRunByDefault), arguments);
    if (!response.valid()) {
      String details = Optional.ofNullable(response.errorMessage()).orElse("").replace(VALIDATOR_PREFIX, "");
      throw new InvalidArgumentsException(tool.name(), details);
    }
  }

  private static Map<String, Object> withoutDryRun(Map<String, Object> arguments) {
    if (!arguments.containsKey(ToolDefinition.DRY_RUN)) {
      return arguments;
    }
    Map<String, Object> copy = new LinkedHashMap<>(arguments);
    copy.remove(ToolDefinition.DRY_RUN);
    return copy;
  }

  private static Optional<String> soqlOf(Map<String, Object> arguments) {
    return arguments.get("soql") instanceof String soql ? Optional.of(soql) : Optional.empty();
  }

  private CallToolResult success(ToolOutput output) {
    return CallToolResult.builder()
        .structuredContent(redactor.redactJson(output.structured()))
        .addTextContent(redactor.redact(output.text()))
        .isError(false)
        .build();
  }

  private CallToolResult error(String message) {
    return CallToolResult.builder().addTextContent(redactor.redact(message)).isError(true).build();
  }

  /** The arguments do not match the tool's input schema. */
  static final class InvalidArgumentsException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    InvalidArgumentsException(String tool, String details) {
      super("the arguments do not match the input schema of " + tool + ": " + details
          + ". The schema in tools/list names every allowed argument, its type and its range");
    }
  }
}
