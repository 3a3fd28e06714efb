package io.revops.mcp.doctor;

import java.util.Objects;
import java.util.Optional;

/**
 * One line of the doctor's checklist.
 *
 * @param status how it went
 * @param title what was checked, such as "Clari API token"
 * @param detail what was found
 * @param fix what to do, for anything but a pass
 */
public record Check(Status status, String title, String detail, Optional<String> fix) {
  /** How a check went; only {@link #FAIL} makes the doctor exit non-zero. */
  public enum Status { PASS, WARN, FAIL, SKIP }

  public Check {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(detail, "detail");
    Objects.requireNonNull(fix, "fix");
  }

  static Check pass(String title, String detail) {
    return new Check(Status.PASS, title, detail, Optional.empty());
  }

  static Check warn(String title, String detail, String fix) {
    return new Check(Status.WARN, title, detail, Optional.of(fix));
  }

  static Check fail(String title, String detail, String fix) {
    return new Check(Status.FAIL, title, detail, Optional.of(fix));
  }

  static Check skip(String title, String detail) {
    return new Check(Status.SKIP, title, detail, Optional.empty());
  }
}
