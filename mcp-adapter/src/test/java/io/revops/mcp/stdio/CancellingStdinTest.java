package io.revops.mcp.stdio;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.revops.mcp.tool.RequestCancellation;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CancellingStdinTest {
  private final McpJsonMapper json = McpJsonDefaults.getMapper();
  private final CancellationRegistry registry = new CancellationRegistry();

  private String through(String... lines) throws IOException {
    byte[] input = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    try (CancellingStdin stdin = new CancellingStdin(new ByteArrayInputStream(input), json, registry)) {
      return new String(stdin.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void passesOtherMessagesThroughUnchanged() throws IOException {
    String init = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"note\":\"tools/call\"}}";
    String list = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}";
    assertThat(through(init, list)).isEqualTo(init + "\n" + list + "\n");
  }

  @Test
  void tagsToolCallsWithTheirRequestIdAndRegistersThem() throws IOException {
    String out = through("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":{\"name\":\"query\","
        + "\"arguments\":{\"soql\":\"SELECT Id FROM Account\"},\"_meta\":{\"progressToken\":\"p1\","
        + "\"revops/jsonrpcId\":\"spoofed\"}}}");

    Map<String, Object> message = map(json.readValue(out.strip(), Map.class));
    Map<String, Object> params = map(message.get("params"));
    assertThat(map(params.get("_meta"))).containsEntry("revops/jsonrpcId", "7").containsEntry("progressToken", "p1");
    assertThat(map(params.get("arguments"))).containsEntry("soql", "SELECT Id FROM Account");
    assertThat(registry.lookup("7")).isNotSameAs(RequestCancellation.NEVER);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return (Map<String, Object>) value;
  }

  @Test
  void stringAndNumberIdsAreDistinctKeys() throws IOException {
    through("{\"jsonrpc\":\"2.0\",\"id\":\"7\",\"method\":\"tools/call\",\"params\":{\"name\":\"a\"}}");
    assertThat(registry.lookup("\"7\"")).isNotSameAs(RequestCancellation.NEVER);
    assertThat(registry.lookup("7")).isSameAs(RequestCancellation.NEVER);
  }

  @Test
  void cancelNotificationCancelsTheCallAndIsDropped() throws IOException {
    AtomicInteger listenerRuns = new AtomicInteger();
    String call = "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":\"get_forecast\"}}";
    String cancel = "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{\"requestId\":3,"
        + "\"reason\":\"user pressed stop\"}}";
    String ping = "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"ping\"}";
    byte[] first = (call + "\n").getBytes(StandardCharsets.UTF_8);
    byte[] rest = (cancel + "\n" + ping + "\n").getBytes(StandardCharsets.UTF_8);
    byte[] all = new byte[first.length + rest.length];
    System.arraycopy(first, 0, all, 0, first.length);
    System.arraycopy(rest, 0, all, first.length, rest.length);

    try (CancellingStdin stdin = new CancellingStdin(new ByteArrayInputStream(all), json, registry)) {
      byte[] buffer = new byte[64 * 1024];
      int n = stdin.read(buffer, 0, buffer.length); // the tools/call line only
      assertThat(new String(buffer, 0, n, StandardCharsets.UTF_8)).contains("\"tools/call\"");
      RequestCancellation cancellation = registry.lookup("3");
      cancellation.onCancel(listenerRuns::incrementAndGet);
      assertThat(cancellation.isCancelled()).isFalse();

      String remainder = new String(stdin.readAllBytes(), StandardCharsets.UTF_8);

      assertThat(remainder).isEqualTo(ping + "\n");
      assertThat(cancellation.isCancelled()).isTrue();
      assertThat(listenerRuns).hasValue(1);
    }
  }

  @Test
  void cancellingAFinishedCallDoesNothing() throws IOException {
    String out = through("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{\"requestId\":99}}");
    assertThat(out).isEmpty();
    assertThat(registry.size()).isZero();
  }

  @Test
  void blankAndNonJsonLinesAreDroppedSoTheSessionSurvives() throws IOException {
    String ping = "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"ping\"}";
    assertThat(through("", "   ", "this is not json", ping)).isEqualTo(ping + "\n");
  }

  @Test
  void malformedLinesPassThroughForTheTransportToReport() throws IOException {
    String broken = "{\"method\":\"tools/call\", oops";
    assertThat(through(broken)).isEqualTo(broken + "\n");
  }

  @Test
  void keepsNonAsciiTextIntact() throws IOException {
    String out = through("{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"tools/call\",\"params\":{\"name\":\"add_note\","
        + "\"arguments\":{\"body\":\"Überprüfung – 日本 ✓\"}}}");
    assertThat(out).contains("Überprüfung – 日本 ✓");
  }
}
