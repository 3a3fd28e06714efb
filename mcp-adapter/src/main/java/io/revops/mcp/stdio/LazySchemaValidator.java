package io.revops.mcp.stdio;

import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import java.util.Map;

/**
 * The SDK's JSON Schema validator, created on first use instead of at start-up. Building it loads
 * the 2020-12 meta-schema, and the SDK checks every tool schema against it while the server is
 * built, which costs start-up time on every launch of Claude Desktop. Our schemas are fixed at build
 * time and checked against the meta-schema by the test suite, so {@link #validateSchema} accepts
 * them here without loading anything; argument and result validation use the real validator.
 */
public final class LazySchemaValidator implements JsonSchemaValidator {
  private volatile JsonSchemaValidator delegate;

  @Override
  public ValidationResponse validate(Map<String, Object> schema, Object structuredContent) {
    return delegate().validate(schema, structuredContent);
  }

  @Override
  public ValidationResponse validateSchema(Map<String, Object> schema) {
    return ValidationResponse.asValid(null);
  }

  /** The real validator, created on first call. */
  public JsonSchemaValidator delegate() {
    JsonSchemaValidator current = delegate;
    if (current == null) {
      synchronized (this) {
        current = delegate;
        if (current == null) {
          current = McpJsonDefaults.getSchemaValidator();
          delegate = current;
        }
      }
    }
    return current;
  }
}
