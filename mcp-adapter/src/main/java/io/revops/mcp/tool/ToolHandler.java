package io.revops.mcp.tool;

/**
 * Turns a call's arguments into an {@link Invocation}: parses and checks them (throwing
 * {@link io.revops.core.RevOpsArgumentException} before anything is sent) and names the one core
 * operation that answers, its dry-run twin, and how its result is rendered. Handlers hold no
 * business logic; {@link ToolRunner} does the rest (dry run, errors, logging, size cap).
 */
@FunctionalInterface
public interface ToolHandler {
  /** Prepares the call; must not send anything. */
  Invocation<?> prepare(Arguments arguments, CallContext context);
}
