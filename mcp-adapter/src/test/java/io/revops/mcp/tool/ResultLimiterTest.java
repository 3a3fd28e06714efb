package io.revops.mcp.tool;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ResultLimiterTest {
  private final ResultLimiter limiter = new ResultLimiter(2_000, 300);

  @Test
  void resultsWithinBudgetPassUnchanged() {
    ToolOutput output = new ToolOutput(Map.of("rows", List.of(1, 2, 3)), "three rows");
    assertThat(limiter.limit(output, "narrow it")).isSameAs(output);
  }

  @Test
  void cutsTheLargestListAndSaysHowToGetTheRest() {
    List<String> big = IntStream.range(0, 500).mapToObj(i -> "row number " + i).toList();
    List<String> small = List.of("x", "y");
    ToolOutput limited = limiter.limit(new ToolOutput(Map.of("rows", big, "other", small, "total", 500), "t"),
        "Pass next_cursor to see the rest.");

    Map<String, Object> structured = limited.structured();
    assertThat(CanonicalJson.write(structured).length()).isLessThanOrEqualTo(2_000);
    assertThat(structured.get("other")).isEqualTo(small);
    assertThat(structured.get("total")).isEqualTo(500);
    List<?> rows = (List<?>) structured.get("rows");
    assertThat(rows).isNotEmpty().isEqualTo(big.subList(0, rows.size()));
    @SuppressWarnings("unchecked")
    Map<String, Object> truncated = (Map<String, Object>) structured.get("cut_for_size");
    assertThat(truncated)
        .containsEntry("omitted_items", 500 - rows.size())
        .containsEntry("lists", List.of("rows"))
        .containsEntry("how_to_get_more", "The result was too large for the model's context and was cut."
            + " Pass next_cursor to see the rest.");
  }

  @Test
  void cutsLongTextAtALineBoundary() {
    String text = String.join("\n", IntStream.range(0, 100).mapToObj(i -> "| row " + i + " | value |").toList());
    String limited = limiter.limit(new ToolOutput(Map.of(), text), "Narrow the window.").text();

    assertThat(limited.length()).isLessThanOrEqualTo(300);
    assertThat(limited).startsWith("| row 0 | value |\n").contains("| value |\n\n… cut here: the full text was "
        + text.length() + " characters. Narrow the window.");
  }
}
