package io.revops.sandbox;

/** The services the sandbox emulates, for {@link Faults#respondNext(Service, int)}. */
public enum Service {
  /** The Salesforce REST API under {@code /services/}. */
  SALESFORCE,
  /** Clari's Revenue API under {@code /v4}. */
  CLARI
}
