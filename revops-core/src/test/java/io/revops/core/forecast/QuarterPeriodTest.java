package io.revops.core.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.revops.core.RevOpsArgumentException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QuarterPeriodTest {

  @ParameterizedTest
  @ValueSource(strings = {"2026_Q2", "2026-Q2", "2026 Q2", "2026Q2", "Q2 2026", "q2 2026", "Q2-2026", " Q2_2026 "})
  void readsFriendlyFormsAsClariIds(String text) {
    QuarterPeriod period = QuarterPeriod.parse("timePeriod", text);

    assertThat(period.clariId()).isEqualTo("2026_Q2");
    assertThat(period.label()).isEqualTo("Q2 2026");
  }

  @ParameterizedTest
  @ValueSource(strings = {"FY26 Q2", "Q2 FY2026", "fy2026-q2"})
  void refusesFiscalLabelsNamingTheExpectedForm(String text) {
    assertThatThrownBy(() -> QuarterPeriod.parse("timePeriod", text))
        .isInstanceOf(RevOpsArgumentException.class)
        .hasMessageContaining("timePeriod")
        .hasMessageContaining("fiscal")
        .hasMessageContaining("2026_Q2");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Q5 2026", "2026_Q0", "next quarter", "2026", "Q2", "1999_Q1", "2026_Q2_extra"})
  void refusesWhatIsNotAQuarter(String text) {
    assertThatThrownBy(() -> QuarterPeriod.parse("timePeriod", text))
        .isInstanceOfSatisfying(RevOpsArgumentException.class,
            e -> assertThat(e.argument()).isEqualTo("timePeriod"))
        .hasMessageContaining("2026_Q2");
  }
}
