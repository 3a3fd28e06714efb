package io.revops.mcp.tool;

import java.util.Objects;

/**
 * A failed tool call as the client sees it: a short machine-readable {@code kind} (logged, and
 * stable across releases) and a message for a person or a model saying what failed, why and what to
 * do. The message never holds a stack trace or a credential.
 *
 * @param kind such as {@code invalid_argument}, {@code soql_rejected}, {@code salesforce_session_expired}
 * @param message the actionable explanation
 */
public record Failure(String kind, String message) {
  public Failure {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(message, "message");
  }
}
