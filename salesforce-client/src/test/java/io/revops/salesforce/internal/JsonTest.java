package io.revops.salesforce.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the SDK writes into request bodies for values that have more than one JSON spelling. */
class JsonTest {

  @Test
  void dateTimesAreWrittenWithMillisecondsAndZForUtc() {
    assertThat(Json.write(Instant.parse("2026-05-01T12:00:00Z"))).isEqualTo("\"2026-05-01T12:00:00.000Z\"");
    assertThat(Json.write(OffsetDateTime.of(2026, 5, 1, 12, 0, 0, 0, ZoneOffset.UTC)))
        .isEqualTo("\"2026-05-01T12:00:00.000Z\"");
  }

  @Test
  void otherOffsetsAreWrittenWithoutAColonAsSalesforceDoes() {
    assertThat(Json.write(OffsetDateTime.of(2026, 5, 1, 14, 0, 0, 123_000_000, ZoneOffset.ofHours(2))))
        .isEqualTo("\"2026-05-01T14:00:00.123+0200\"");
    assertThat(Json.write(OffsetDateTime.of(2026, 5, 1, 6, 30, 0, 0, ZoneOffset.ofHoursMinutes(-5, -30))))
        .isEqualTo("\"2026-05-01T06:30:00.000-0530\"");
  }

  @Test
  void datesAndDecimalsKeepTheirPlainForm() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("CloseDate", LocalDate.of(2026, 6, 30));
    body.put("Amount", new BigDecimal("1E+3"));
    body.put("Rate", new BigDecimal("99.50"));
    body.put("NextStep", null);
    assertThat(Json.write(body)).isEqualTo("{\"CloseDate\":\"2026-06-30\",\"Amount\":1000,\"Rate\":99.50,\"NextStep\":null}");
  }
}
