package io.revops.clari.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.revops.clari.ClariApiException;
import io.revops.clari.ClariAuthenticationException;
import io.revops.clari.ClariBadRequestException;
import io.revops.clari.ClariCapacityException;
import io.revops.clari.ClariNotFoundException;
import io.revops.clari.ClariRateLimitException;
import io.revops.clari.ClariServerException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ErrorMapperTest {
  private static ClariApiException map(int status, String body) {
    return ErrorMapper.toException(status, body, "GET /v4/x", null);
  }

  @Test
  void mapsEveryClariErrorShape() {
    assertThat(map(400, "{\"errors\":[{\"code\":\"bad_date\",\"message\":\"dateTo invalid\",\"target\":\"dateTo\"}]}"))
        .isInstanceOf(ClariBadRequestException.class).hasMessageContaining("dateTo invalid")
        .extracting(e -> e.errorCode().orElseThrow()).isEqualTo("bad_date");
    assertThat(map(400, "[{\"statusCode\":400,\"reaspnPhrase\":\"Bad Request\",\"description\":\"invalid query parameter\","
        + "\"details\":\"oppId is required\"}]")).isInstanceOf(ClariBadRequestException.class)
        .hasMessageContaining("invalid query parameter (oppId is required)");
    assertThat(map(401, "{\"code\":\"no_optin\",\"namespace\":\"fcw\",\"errorId\":\"e1\",\"message\":\"not opted in\"}"))
        .isInstanceOf(ClariAuthenticationException.class).hasMessageContaining("no_optin");
    assertThat(map(401, "{\"message\":\"Invalid authentication credentials\"}"))
        .isInstanceOf(ClariAuthenticationException.class);
    assertThat(map(404, "{\"error\":\"not found\"}")).isInstanceOf(ClariNotFoundException.class)
        .hasMessageContaining("not found");
    assertThat(map(400, "{\"code\":\"export_monthly_quota_reached\",\"message\":\"limit reached\"}"))
        .isInstanceOf(ClariCapacityException.class);
    assertThat(map(400, "{\"code\":\"no_such_forecast_config\",\"message\":\"Forecast x does not exist\"}"))
        .isInstanceOf(ClariNotFoundException.class).hasMessageContaining("Forecast Tab id");
    assertThat(map(403, "{\"code\":\"SWW\",\"message\":\"Something went wrong\"}"))
        .isInstanceOf(ClariAuthenticationException.class);
    assertThat(map(502, "<html>Bad gateway</html>")).isInstanceOf(ClariServerException.class)
        .hasMessageContaining("Bad gateway").extracting(ClariApiException::httpStatus).isEqualTo(502);
    assertThat(ErrorMapper.toException(429, "", "GET /v4/x", Duration.ofSeconds(9)))
        .isInstanceOf(ClariRateLimitException.class).hasMessageContaining("9 s");
  }
}
