package io.revops.mcp.tool;

import java.util.Map;
import java.util.Objects;

/**
 * What a tool returns: {@code structured} (the tool's {@code structuredContent}, matching its output
 * schema) and {@code text}, a compact rendering for clients and models that read only {@code content}.
 */
public record ToolOutput(Map<String, Object> structured, String text) {
  public ToolOutput {
    structured = Structured.immutableCopy(Objects.requireNonNull(structured, "structured"));
    Objects.requireNonNull(text, "text");
  }
}
