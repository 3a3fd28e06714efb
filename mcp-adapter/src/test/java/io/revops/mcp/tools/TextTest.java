package io.revops.mcp.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TextTest {
  @Test
  void tablesStayOneRowPerLineWhateverTheCellsHold() {
    String table = Text.table(List.of("Name", "Note"), List.of(List.of("A | B", "line one\nline two"), List.of("", "x")));

    assertThat(table).isEqualTo("| Name | Note |\n|---|---|\n| A \\| B | line one line two |\n| – | x |\n");
  }

  @Test
  void numbersAreGroupedAndRatiosArePercentages() {
    assertThat(Text.number(new BigDecimal("1250000"))).isEqualTo("1,250,000");
    assertThat(Text.number(new BigDecimal("1000.5"))).isEqualTo("1,000.50");
    assertThat(Text.number(Optional.<Double>empty())).isEqualTo("–");
    assertThat(Text.percent(Optional.of(0.625))).isEqualTo("62.5%");
  }
}
