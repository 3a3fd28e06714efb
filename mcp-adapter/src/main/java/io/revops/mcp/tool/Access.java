package io.revops.mcp.tool;

/**
 * What a tool does to the systems it reaches, which fixes its four MCP annotation hints. Every hint
 * is set explicitly because the spec's defaults (destructive, not idempotent) suit none of these.
 */
public enum Access {
  /** Reads only: readOnly, not destructive, idempotent. */
  READ(true, false, true),
  /** Adds a new record without changing existing data (add_note): not idempotent, not destructive. */
  APPEND(false, false, false),
  /** Overwrites existing data (update_field): destructive and not idempotent. */
  OVERWRITE(false, true, false);

  private final boolean readOnly;
  private final boolean destructive;
  private final boolean idempotent;

  Access(boolean readOnly, boolean destructive, boolean idempotent) {
    this.readOnly = readOnly;
    this.destructive = destructive;
    this.idempotent = idempotent;
  }

  /** {@code readOnlyHint}. */
  public boolean readOnly() {
    return readOnly;
  }

  /** {@code destructiveHint}. */
  public boolean destructive() {
    return destructive;
  }

  /** {@code idempotentHint}. */
  public boolean idempotent() {
    return idempotent;
  }

  /** {@code openWorldHint}: every tool talks to Salesforce or Clari. */
  public boolean openWorld() {
    return true;
  }
}
