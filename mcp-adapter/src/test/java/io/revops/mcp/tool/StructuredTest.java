package io.revops.mcp.tool;

import static org.assertj.core.api.Assertions.assertThat;

import io.revops.core.config.Secret;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StructuredTest {
  record Owner(String fullName, Optional<String> email) {
  }

  record Deal(String oppId, BigDecimal amount, LocalDate closeDate, Instant lastModified, Owner owner,
      List<String> tags, Map<String, Object> fields, Optional<Double> score, Secret token, Thread.State state) {
  }

  @Test
  void recordsBecomeSnakeCaseObjectsWithoutAbsentValues() {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("StageName", "Commit");
    fields.put("NextStep", null);
    Deal deal = new Deal("006A", new BigDecimal("1250.50"), LocalDate.parse("2026-06-30"),
        Instant.parse("2026-05-01T10:15:30Z"), new Owner("Ada Lovelace", Optional.empty()), List.of("a"),
        fields, Optional.of(Double.NaN), Secret.of("s3cr3t-value"), Thread.State.NEW);

    Map<String, Object> json = Structured.of(deal);

    assertThat(json).containsExactly(
        Map.entry("opp_id", "006A"),
        Map.entry("amount", new BigDecimal("1250.50")),
        Map.entry("close_date", "2026-06-30"),
        Map.entry("last_modified", "2026-05-01T10:15:30Z"),
        Map.entry("owner", Map.of("full_name", "Ada Lovelace")),
        Map.entry("tags", List.of("a")),
        Map.entry("fields", Map.of("StageName", "Commit")),
        Map.entry("token", "***"),
        Map.entry("state", "NEW"));
  }

  @Test
  void snakeCaseHandlesAcronyms() {
    assertThat(Structured.snakeCase("oppIds")).isEqualTo("opp_ids");
    assertThat(Structured.snakeCase("URLPath")).isEqualTo("url_path");
    assertThat(Structured.snakeCase("daysInStageThreshold")).isEqualTo("days_in_stage_threshold");
    assertThat(Structured.snakeCase("already_snake")).isEqualTo("already_snake");
  }
}
