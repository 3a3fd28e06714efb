package io.revops.clari;

import mockwebserver3.MockResponse;

/** Clari response bodies shaped as in the notes (clari-api.md). */
final class Fixtures {
  static final String TOKEN = "test-token-abc123-secret";
  static final String JOB_ID = "6073683781a6da229df71e00";

  static final String RESULTS = """
      {"entries":[{"userId":"u1","fieldId":"commit","timePeriodId":"2026_Q2","timeFrameId":"w13",
                   "forecastValue":125000.5,"quotaValue":null,"adjustmentValue":130000,
                   "currency":{"code":"USD","symbol":"$"},"isUpdated":true,"updatedBy":"u9","updatedOn":1700000000000},
                  {"userId":"u2","fieldId":"best","timePeriodId":"2026_Q2","timeFrameId":"w13","forecastValue":"42"}],
       "users":[{"userId":"u1","name":"Ada Rep","email":"ada@example.com","crmId":"005000000000001AAA",
                 "scopeId":"1905::MGR","hierarchyId":"h1","hierarchyName":"East","parentHierarchyId":"h0",
                 "parentHierarchyName":"CEO"}],
       "fields":[{"fieldId":"commit","fieldName":"Commit","fieldType":"forecast"}],
       "timePeriods":[{"timePeriodId":"2026_Q2","type":"quarter","label":"Q2 2026","year":"2026",
                       "startDate":"2026-04-01","endDate":"2026-06-30","crmId":"p1"}],
       "timeFrames":[{"timeFrameId":"w13","startDate":"2026-06-24","endDate":"2026-06-30"}]}
      """;

  private Fixtures() {
  }

  static MockResponse json(int code, String body) {
    return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
  }

  static MockResponse submitted() {
    return json(200, "{\"jobId\":\"" + JOB_ID + "\"}");
  }

  static MockResponse status(String status, boolean wrapped) {
    String job = "{\"jobId\":\"" + JOB_ID + "\",\"status\":\"" + status + "\",\"module\":\"FORECAST\","
        + "\"startTime\":1617830857175,\"fileType\":\"JSON\",\"rowsTruncated\":false}";
    return json(200, wrapped ? "{\"job\":" + job + "}" : job);
  }

  /** A DONE job whose results Clari truncated server-side. */
  static MockResponse truncated(boolean rows, boolean cells) {
    return json(200, "{\"job\":{\"jobId\":\"" + JOB_ID + "\",\"status\":\"DONE\",\"module\":\"FORECAST\","
        + "\"fileType\":\"JSON\",\"rowsTruncated\":" + rows + ",\"cellsTruncated\":" + cells + "}}");
  }

  static MockResponse results() {
    return json(200, RESULTS);
  }

  static MockResponse cancelled() {
    return json(200, "{\"status\":\"CANCELLED\",\"successful\":true}");
  }

  static MockResponse clariError(int code, String errorCode, String message) {
    return json(code, "{\"code\":\"" + errorCode + "\",\"namespace\":\"exports\",\"errorId\":\"e-42\",\"message\":\""
        + message + "\",\"orgId\":101,\"source\":\"Export\"}");
  }
}
