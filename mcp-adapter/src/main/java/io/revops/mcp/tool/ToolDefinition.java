package io.revops.mcp.tool;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One MCP tool: its name, title, description (what it answers, when to use it, its limits; under
 * 1 KB), input and output schemas, what it does to the systems it reaches ({@link Access}, which sets
 * the annotations) and its {@link ToolHandler}. The optional {@code dry_run} argument, the
 * {@code dry_run_plan} and {@code cut_for_size} result fields are added to every tool here, once.
 *
 * @param name snake_case, at most {@value #MAX_NAME_LENGTH} characters so {@code mcp__revops__<name>}
 *     stays within 64
 * @param howToGetMore what a caller can do when a result was cut for size
 */
public record ToolDefinition(String name, String title, String description, Schema input, Schema output,
    Access access, ToolHandler handler, String howToGetMore, Map<String, String> coreArgumentNames) {

  /** {@code mcp__revops__} is 13 characters; some hosts reject tool names over 64. */
  public static final int MAX_NAME_LENGTH = 51;
  /** Hosts truncate long descriptions; ours stay well under. */
  public static final int MAX_DESCRIPTION_BYTES = 1024;
  /** The argument every tool takes. */
  public static final String DRY_RUN = "dry_run";
  /** The result field a dry run returns. */
  public static final String DRY_RUN_PLAN = "dry_run_plan";
  /** The result field a cut result carries. */
  public static final String TRUNCATED = "cut_for_size";

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

  public ToolDefinition {
    Objects.requireNonNull(name, "name");
    if (!NAME.matcher(name).matches() || name.length() > MAX_NAME_LENGTH) {
      throw new IllegalArgumentException("tool name '" + name + "' must be snake_case, at most "
          + MAX_NAME_LENGTH + " characters");
    }
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(description, "description");
    if (description.getBytes(StandardCharsets.UTF_8).length >= MAX_DESCRIPTION_BYTES) {
      throw new IllegalArgumentException("description of " + name + " is over 1 KB");
    }
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(output, "output");
    if (!input.type().equals("object") || !output.type().equals("object")) {
      throw new IllegalArgumentException("input and output schemas of " + name + " must be objects");
    }
    if (input.properties().containsKey(DRY_RUN)) {
      throw new IllegalArgumentException(DRY_RUN + " is added to every tool; do not declare it");
    }
    Objects.requireNonNull(access, "access");
    Objects.requireNonNull(handler, "handler");
    Objects.requireNonNull(howToGetMore, "howToGetMore");
    coreArgumentNames = Map.copyOf(coreArgumentNames);
  }

  /**
   * How this tool spells an argument that core names {@code coreName} in its errors: the declared
   * mapping, else {@code snake_case} ({@code timePeriod} is {@code time_period}).
   */
  public String argumentName(String coreName) {
    return coreArgumentNames.getOrDefault(coreName, Structured.snakeCase(coreName));
  }

  /** Starts a definition. */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /** The input schema clients see: the tool's arguments plus {@code dry_run}. */
  public Map<String, Object> inputSchema(boolean dryRunByDefault) {
    Map<String, Object> schema = new LinkedHashMap<>(input.toMap());
    @SuppressWarnings("unchecked")
    Map<String, Object> properties = new LinkedHashMap<>((Map<String, Object>) schema.get("properties"));
    properties.put(DRY_RUN, Schema.bool("true returns the HTTP requests this call would send (credentials redacted)"
        + " instead of sending them. Default " + dryRunByDefault
        + (dryRunByDefault ? " (this server runs in dry-run mode)." : ".")).defaultValue(dryRunByDefault).toMap());
    schema.put("properties", properties);
    return schema;
  }

  /** The output schema clients see: the tool's result, or a dry-run plan, plus the cut marker. */
  public Map<String, Object> outputSchema() {
    Map<String, Object> schema = new LinkedHashMap<>(output.toMap());
    @SuppressWarnings("unchecked")
    Map<String, Object> properties = new LinkedHashMap<>((Map<String, Object>) schema.get("properties"));
    properties.put(DRY_RUN_PLAN, PLAN_SCHEMA.toMap());
    properties.put(TRUNCATED, TRUNCATED_SCHEMA.toMap());
    schema.put("properties", properties);
    Object required = schema.remove("required");
    if (required != null) {
      schema.put("anyOf", List.of(Map.of("required", required), Map.of("required", List.of(DRY_RUN_PLAN))));
    }
    return schema;
  }

  private static final Schema PLAN_SCHEMA = Schema.result("Returned instead of the result when dry_run is true:"
          + " what the call would send. Nothing was sent.")
      .required("operation", Schema.string("The core operation, such as getForecast."))
      .required("requests", Schema.array("The HTTP requests in the order they would be sent.",
          Schema.result("One request.")
              .required("service", Schema.string("salesforce or clari."))
              .required("method", Schema.string("The HTTP method."))
              .required("url", Schema.string("The absolute URL with its query."))
              .optional("headers", Schema.result("Request headers; credentials show as <redacted>.")
                  .additionalProperties(Schema.string("A header value.")))
              .optional("body", Schema.string("The request body, when there is one."))))
      .required("notes", Schema.array("Steps that depend on earlier answers and so are not listed as requests.",
          Schema.string("A note.")));

  private static final Schema TRUNCATED_SCHEMA = Schema.result("Present only when the result was cut to fit the"
          + " model's context.")
      .required("omitted_items", Schema.integer("How many list items were left out."))
      .required("lists", Schema.array("Which lists were cut.", Schema.string("A list's path in the result.")))
      .required("how_to_get_more", Schema.string("What to call to see the rest."));

  /** Builds a {@link ToolDefinition}. */
  public static final class Builder {
    private final String name;
    private String title;
    private final List<String> description = new ArrayList<>();
    private Schema input = Schema.object(null);
    private Schema output;
    private Access access;
    private ToolHandler handler;
    private String howToGetMore = "Ask for less: a narrower filter or a shorter period.";
    private final Map<String, String> coreArgumentNames = new LinkedHashMap<>();

    private Builder(String name) {
      this.name = name;
    }

    /** A short human title such as "Get forecast". */
    public Builder title(String title) {
      this.title = title;
      return this;
    }

    /** The description; parts are joined with spaces (what it answers, when to use it, its limits). */
    public Builder description(String... parts) {
      description.addAll(List.of(parts));
      return this;
    }

    /** The input schema (a closed object); defaults to no arguments. */
    public Builder input(Schema input) {
      this.input = input;
      return this;
    }

    /** The output schema. */
    public Builder output(Schema output) {
      this.output = output;
      return this;
    }

    /** What the tool does to the systems it reaches. */
    public Builder access(Access access) {
      this.access = access;
      return this;
    }

    /** The handler. */
    public Builder handler(ToolHandler handler) {
      this.handler = handler;
      return this;
    }

    /** What a caller can do when a result was cut for size. */
    public Builder howToGetMore(String howToGetMore) {
      this.howToGetMore = howToGetMore;
      return this;
    }

    /** Core names the argument {@code toolName} as {@code coreName} in its errors (such as opportunityId). */
    public Builder coreArgument(String coreName, String toolName) {
      coreArgumentNames.put(coreName, toolName);
      return this;
    }

    /** Builds and checks the definition. */
    public ToolDefinition build() {
      return new ToolDefinition(name, title, String.join(" ", description), input, output, access, handler,
          howToGetMore, coreArgumentNames);
    }
  }
}
