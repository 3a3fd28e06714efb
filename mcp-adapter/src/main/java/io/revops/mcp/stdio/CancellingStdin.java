package io.revops.mcp.stdio;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.revops.mcp.tool.CanonicalJson;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The server's view of stdin, with cancellation added. The MCP Java SDK 2.1.0 ignores
 * {@code notifications/cancelled}, so this stream sits between the real stdin and the SDK's stdio
 * transport and, line by line:
 * <ul>
 *   <li>on a {@code tools/call} request, registers its JSON-RPC id with the {@link CancellationRegistry}
 *       and copies it into {@code params._meta["revops/jsonrpcId"]} (overwriting any value the client
 *       sent there), so the handler can find its own cancellation;</li>
 *   <li>on {@code notifications/cancelled}, cancels that request in the registry and drops the line;</li>
 *   <li>drops blank lines and lines that are not JSON (the SDK's transport would end the session on
 *       them), logging a warning on stderr;</li>
 *   <li>passes every other line through unchanged.</li>
 * </ul>
 * Lines are processed when the transport reads, on its reading thread; no thread of its own.
 */
public final class CancellingStdin extends InputStream {
  private static final Logger LOG = Logger.getLogger(CancellingStdin.class.getName());

  private final BufferedReader reader;
  private final McpJsonMapper json;
  private final CancellationRegistry registry;
  private byte[] buffer = new byte[0];
  private int position;

  /** Filters {@code stdin} (UTF-8, one JSON-RPC message per line). */
  public CancellingStdin(InputStream stdin, McpJsonMapper json, CancellationRegistry registry) {
    this.reader = new BufferedReader(new InputStreamReader(Objects.requireNonNull(stdin, "stdin"),
        StandardCharsets.UTF_8));
    this.json = Objects.requireNonNull(json, "json");
    this.registry = Objects.requireNonNull(registry, "registry");
  }

  @Override
  public int read() throws IOException {
    return fill() ? buffer[position++] & 0xff : -1;
  }

  @Override
  public int read(byte[] target, int offset, int length) throws IOException {
    Objects.checkFromIndexSize(offset, length, target.length);
    if (length == 0) {
      return 0;
    }
    if (!fill()) {
      return -1;
    }
    int count = Math.min(length, buffer.length - position);
    System.arraycopy(buffer, position, target, offset, count);
    position += count;
    return count;
  }

  @Override
  public int available() {
    return buffer.length - position;
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }

  private boolean fill() throws IOException {
    while (position >= buffer.length) {
      String line = reader.readLine();
      if (line == null) {
        return false;
      }
      String passed = filter(line);
      if (passed != null) {
        buffer = (passed + "\n").getBytes(StandardCharsets.UTF_8);
        position = 0;
      }
    }
    return true;
  }

  /** The line to hand on, or null to drop it. */
  String filter(String line) {
    if (!looksLikeJson(line)) {
      // The SDK's stdio transport ends the whole session on a line it cannot parse; drop it instead.
      if (!line.isBlank()) {
        LOG.log(Level.WARNING, "Ignored a line on stdin that is not a JSON-RPC message ({0} characters)",
            line.length());
      }
      return null;
    }
    boolean call = line.contains("\"tools/call\"");
    boolean cancel = line.contains("\"notifications/cancelled\"");
    if (!call && !cancel) {
      return line;
    }
    Map<String, Object> message;
    try {
      message = json.readValue(line, MAP);
    } catch (IOException | RuntimeException e) {
      return line; // not ours to judge: the transport reports malformed input
    }
    Object method = message.get("method");
    if ("notifications/cancelled".equals(method)) {
      if (message.get("params") instanceof Map<?, ?> params && params.get("requestId") != null) {
        registry.cancel(CanonicalJson.write(params.get("requestId")));
      }
      return null;
    }
    if ("tools/call".equals(method) && message.get("id") != null
        && message.get("params") instanceof Map<?, ?> params) {
      return withRequestId(message, params, CanonicalJson.write(message.get("id")), line);
    }
    return line;
  }

  private static boolean looksLikeJson(String line) {
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (!Character.isWhitespace(c)) {
        return c == '{' || c == '[';
      }
    }
    return false;
  }

  private String withRequestId(Map<String, Object> message, Map<?, ?> params, String key, String line) {
    Object meta = params.get("_meta");
    if (meta != null && !(meta instanceof Map)) {
      return line;
    }
    Map<String, Object> newMeta = new LinkedHashMap<>();
    if (meta instanceof Map<?, ?> existing) {
      existing.forEach((k, v) -> newMeta.put(String.valueOf(k), v));
    }
    newMeta.put(CancellationRegistry.META_KEY, key);
    Map<String, Object> newParams = new LinkedHashMap<>();
    params.forEach((k, v) -> newParams.put(String.valueOf(k), v));
    newParams.put("_meta", newMeta);
    Map<String, Object> newMessage = new LinkedHashMap<>(message);
    newMessage.put("params", newParams);
    try {
      String rewritten = json.writeValueAsString(newMessage);
      registry.register(key);
      return rewritten;
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.WARNING, "Could not tag tools/call {0} for cancellation; it runs uncancellable", key);
      return line;
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static final Class<Map<String, Object>> MAP = (Class) Map.class;
}
