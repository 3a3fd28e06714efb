package io.revops.core.changes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.revops.core.RevOpsArgumentException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ChangeWindowTest {

  @Test
  void endDateIncludesItsWholeDayInUtc() {
    ChangeWindow window = ChangeWindow.parse("2026-05-01", "2026-05-22");

    assertThat(window.from()).isEqualTo(Instant.parse("2026-05-01T00:00:00Z"));
    assertThat(window.until()).isEqualTo(Instant.parse("2026-05-23T00:00:00Z"));
  }

  @Test
  void aSingleDayIsAWindow() {
    ChangeWindow window = ChangeWindow.parse("2026-05-01", "2026-05-01");

    assertThat(window.until()).isEqualTo(Instant.parse("2026-05-02T00:00:00Z"));
  }

  @Test
  void startAfterEndIsRefused() {
    assertThatThrownBy(() -> ChangeWindow.parse("2026-05-02", "2026-05-01"))
        .isInstanceOfSatisfying(RevOpsArgumentException.class, e -> assertThat(e.argument()).isEqualTo("startDate"))
        .hasMessageContaining("on or before");
  }

  @Test
  void nonIsoDatesNameTheArgument() {
    assertThatThrownBy(() -> ChangeWindow.parse("2026-05-01", "05/22/2026"))
        .isInstanceOfSatisfying(RevOpsArgumentException.class, e -> assertThat(e.argument()).isEqualTo("endDate"))
        .hasMessageContaining("2026-05-01");
    assertThatThrownBy(() -> ChangeWindow.parse(" ", "2026-05-01"))
        .hasMessageStartingWith("startDate: is missing");
  }
}
