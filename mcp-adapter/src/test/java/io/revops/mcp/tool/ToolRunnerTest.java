package io.revops.mcp.tool;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.revops.core.RevOpsArgumentException;
import io.revops.core.plan.DryRunPlan;
import io.revops.core.plan.PlannedRequest;
import io.revops.salesforce.SalesforceApiException;
import io.revops.salesforce.soql.SoqlGuard;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ToolRunnerTest {
  private static final String TOKEN = "00Dxx0000001gPL!AQ4AQFakeTokenValue";

  private final MockWebServer server = new MockWebServer();
  private final HttpActivity http = new HttpActivity();
  private final ByteArrayOutputStream log = new ByteArrayOutputStream();
  private OkHttpClient client;

  @BeforeEach
  void start() throws IOException {
    server.start();
    client = new OkHttpClient.Builder().addInterceptor(http.interceptor()).build();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private ToolRunner runner(boolean dryRunByDefault) {
    return new ToolRunner(dryRunByDefault, McpJsonDefaults::getSchemaValidator, http, new ResultLimiter(),
        new Redactor(List.of(TOKEN)), new CallLog(new PrintStream(log, true, StandardCharsets.UTF_8),
            Clock.fixed(Instant.parse("2026-05-01T12:00:00Z"), ZoneOffset.UTC)));
  }

  /** A tool that reads one record over HTTP: {@code echo(record_id, limit?)}. */
  private ToolDefinition tool(Function<String, Object> operation) {
    return ToolDefinition.builder("echo_record")
        .title("Echo record")
        .description("Reads a record.")
        .input(Schema.object(null)
            .required("record_id", Schema.string("The id.").pattern("^[a-z]{3}$"))
            .optional("limit", Schema.integer("How many.").range(1, 10)))
        .output(Schema.result(null).required("status", Schema.integer("The HTTP status.")))
        .access(Access.READ)
        .handler((args, ctx) -> {
          String id = args.requiredString("record_id");
          return Invocation.of(() -> operation.apply(id),
              () -> new DryRunPlan("echo", List.of(new PlannedRequest("salesforce", "GET",
                  server.url("/records/" + id).toString(), Map.of("Authorization", "Bearer <redacted>"),
                  Optional.empty())), List.of("a note")),
              result -> new ToolOutput(result instanceof Map<?, ?> ? castMap(result) : Map.of("status", result),
                  "Result: " + result));
        })
        .build();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> castMap(Object value) {
    return (Map<String, Object>) value;
  }

  private Object fetch(String id) {
    try (Response response = client.newCall(new Request.Builder().url(server.url("/records/" + id)).build()).execute()) {
      return response.code();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String text(CallToolResult result) {
    return ((TextContent) result.content().get(0)).text();
  }

  private String logLine() {
    String[] lines = log.toString(StandardCharsets.UTF_8).strip().split("\n");
    assertThat(lines).hasSize(1);
    return lines[0];
  }

  @Test
  void successReturnsStructuredContentAndTextAndLogsOneLine() {
    server.enqueue(new MockResponse.Builder().code(200).build());

    CallToolResult result = runner(false).call(tool(this::fetch), Map.of("record_id", "abc"), CallContext.none());

    assertThat(result.isError()).isFalse();
    assertThat(result.structuredContent()).isEqualTo(Map.of("status", 200));
    assertThat(text(result)).isEqualTo("Result: 200");
    assertThat(logLine())
        .startsWith("{\"ts\":\"2026-05-01T12:00:00Z\",\"tool\":\"echo_record\",\"args_sha256\":\""
            + CanonicalJson.sha256(Map.of("record_id", "abc")) + "\",\"duration_ms\":")
        .endsWith("\"http\":[200],\"outcome\":\"ok\"}")
        .doesNotContain("abc\"");
  }

  @Test
  void logRecordsErrorStatusesAndTheErrorKind() {
    server.enqueue(new MockResponse.Builder().code(503).build());
    server.enqueue(new MockResponse.Builder().code(404).build());

    runner(false).call(tool(id -> {
      fetch(id);
      fetch(id);
      throw new SalesforceApiException(SalesforceApiException.Kind.NOT_FOUND, "GET /x failed: Salesforce answered 404.",
          404, "NOT_FOUND", List.of(), Optional.empty(), null);
    }), Map.of("record_id", "abc"), CallContext.none());

    assertThat(logLine()).endsWith("\"http\":[503,404],\"outcome\":\"error\",\"error\":\"salesforce_not_found\"}");
  }

  @Test
  void argumentsThatBreakTheSchemaAreRejectedBeforeAnyRequest() {
    ToolDefinition tool = tool(this::fetch);
    List<Map<String, Object>> bad = List.of(
        Map.of(),
        Map.of("record_id", "ABCDEF"),
        Map.of("record_id", "abc", "limit", "ten"),
        Map.of("record_id", "abc", "limit", 11),
        Map.of("record_id", "abc", "surprise", true),
        Map.of("record_id", "abc", "dry_run", "yes"));

    for (Map<String, Object> arguments : bad) {
      CallToolResult result = runner(false).call(tool, arguments, CallContext.none());
      assertThat(result.isError()).as("%s", arguments).isTrue();
      assertThat(text(result)).as("%s", arguments)
          .startsWith("Invalid argument: the arguments do not match the input schema of echo_record")
          .contains("Nothing was sent");
    }
    assertThat(server.getRequestCount()).isZero();
    assertThat(log.toString(StandardCharsets.UTF_8)).contains("\"error\":\"invalid_argument\"");
  }

  @Test
  void coreArgumentErrorsNameTheToolArgumentInSnakeCase() {
    ToolDefinition tool = ToolDefinition.builder("risky").title("Risky").description("d")
        .output(Schema.result(null)).access(Access.READ)
        .handler((args, ctx) -> {
          throw new RevOpsArgumentException("oppIds", "contains 2 invalid ids", "Pass Opportunity ids (006...)");
        }).build();

    CallToolResult result = runner(false).call(tool, Map.of(), CallContext.none());

    assertThat(result.isError()).isTrue();
    assertThat(text(result)).isEqualTo("Invalid argument opp_ids: contains 2 invalid ids. Pass Opportunity ids"
        + " (006...). Nothing was sent to Salesforce or Clari. Correct it and call again.");
  }

  @Test
  void aCallCancelledBeforeItStartsSendsNothing() {
    RequestCancellation cancelled = new RequestCancellation() {
      @Override
      public boolean isCancelled() {
        return true;
      }

      @Override
      public void onCancel(Runnable listener) {
        listener.run();
      }
    };

    CallToolResult result = runner(false).call(tool(this::fetch), Map.of("record_id", "abc"),
        new CallContext(ProgressReporter.NONE, cancelled));

    assertThat(result.isError()).isTrue();
    assertThat(text(result)).contains("cancelled this call before it started");
    assertThat(server.getRequestCount()).isZero();
    assertThat(logLine()).endsWith("\"outcome\":\"error\",\"error\":\"cancelled\"}");
  }

  @Test
  void dryRunReturnsThePlanAndSendsNothing() {
    CallToolResult result = runner(false).call(tool(this::fetch), Map.of("record_id", "abc", "dry_run", true),
        CallContext.none());

    assertThat(result.isError()).isFalse();
    assertThat(server.getRequestCount()).isZero();
    @SuppressWarnings("unchecked")
    Map<String, Object> plan = (Map<String, Object>) ((Map<String, Object>) result.structuredContent()).get("dry_run_plan");
    assertThat(plan).containsEntry("operation", "echo").containsEntry("notes", List.of("a note"));
    assertThat(text(result)).startsWith("Dry run of echo: nothing was sent. It would send 1 request:\n1. GET ")
        .contains("Authorization: Bearer <redacted>");
    assertThat(logLine()).endsWith("\"http\":[],\"outcome\":\"dry_run\"}");
  }

  @Test
  void serverWideDryRunIsTheDefaultAndACallMayOptOut() {
    server.enqueue(new MockResponse.Builder().code(200).build());
    ToolRunner dryRunner = runner(true);

    CallToolResult planned = dryRunner.call(tool(this::fetch), Map.of("record_id", "abc"), CallContext.none());
    CallToolResult real = dryRunner.call(tool(this::fetch), Map.of("record_id", "abc", "dry_run", false),
        CallContext.none());

    assertThat(castMap(planned.structuredContent())).containsKey("dry_run_plan");
    assertThat(real.structuredContent()).isEqualTo(Map.of("status", 200));
    assertThat(server.getRequestCount()).isOne();
  }

  @Test
  void unexpectedExceptionsBecomeAnIsErrorResultWithoutTheirMessage() {
    CallToolResult result = runner(false).call(tool(id -> {
      throw new IllegalStateException("leaked " + TOKEN + " at line 42");
    }), Map.of("record_id", "abc"), CallContext.none());

    assertThat(result.isError()).isTrue();
    assertThat(text(result)).startsWith("echo_record failed unexpectedly (IllegalStateException). This is a bug")
        .doesNotContain(TOKEN).doesNotContain("line 42").doesNotContain("at io.");
  }

  @Test
  void tokensAreRedactedFromResults() {
    CallToolResult result = runner(false).call(tool(id -> Map.of("status", 200, "echo", "Bearer " + TOKEN)),
        Map.of("record_id", "abc"), CallContext.none());

    assertThat(result.structuredContent().toString()).doesNotContain(TOKEN).contains("Bearer ***");
    assertThat(text(result)).doesNotContain(TOKEN);
  }

  @Test
  void soqlRejectionsPointAtThePosition() {
    ToolDefinition tool = ToolDefinition.builder("query").title("Query").description("d")
        .input(Schema.object(null).required("soql", Schema.string("SOQL.")))
        .output(Schema.result(null)).access(Access.READ)
        .handler((args, ctx) -> {
          SoqlGuard.defaults().check(args.requiredString("soql"));
          throw new AssertionError("the guard accepted a DELETE");
        }).build();

    CallToolResult result = runner(false).call(tool, Map.of("soql", "DELETE FROM Account WHERE Name = 'x'"),
        CallContext.none());

    assertThat(result.isError()).isTrue();
    assertThat(text(result)).startsWith("The SOQL guard refused the query at position 0: ")
        .contains("Near:  ⟪here⟫ DELETE FROM Account").contains("Nothing was sent to Salesforce");
    assertThat(log.toString(StandardCharsets.UTF_8)).contains("\"error\":\"soql_rejected\"");
  }

  @Test
  void sessionExpiredSaysWhichVariableToRenew() {
    CallToolResult result = runner(false).call(tool(id -> {
      throw new SalesforceApiException(SalesforceApiException.Kind.SESSION_EXPIRED,
          "GET /sobjects failed: Salesforce answered 401 INVALID_SESSION_ID.", 401, "INVALID_SESSION_ID", List.of(),
          Optional.empty(), null);
    }), Map.of("record_id", "abc"), CallContext.none());

    assertThat(text(result)).contains("401 INVALID_SESSION_ID").contains("renew the one it is configured with (SFDC_ACCESS_TOKEN")
        .contains("restart the server");
  }

  @Test
  void oversizedResultsAreCutAndSaySo() {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int i = 0; i < 5_000; i++) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("Id", "006" + i);
      row.put("Name", "A rather long opportunity name number " + i);
      rows.add(row);
    }
    CallToolResult result = runner(false).call(tool(id -> Map.of("status", 200, "records", rows)),
        Map.of("record_id", "abc"), CallContext.none());

    Map<?, ?> structured = (Map<?, ?>) result.structuredContent();
    Map<?, ?> truncated = (Map<?, ?>) structured.get("cut_for_size");
    int kept = ((List<?>) structured.get("records")).size();
    assertThat(kept).isBetween(100, 4_999);
    assertThat(truncated.get("omitted_items")).isEqualTo(5_000 - kept);
    assertThat(truncated.get("lists")).isEqualTo(List.of("records"));
    assertThat(CanonicalJson.write(structured).length()).isLessThanOrEqualTo(ResultLimiter.DEFAULT_STRUCTURED_BUDGET);
  }
}
