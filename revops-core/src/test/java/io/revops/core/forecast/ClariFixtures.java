package io.revops.core.forecast;

import mockwebserver3.MockResponse;

/** Clari answers shaped as in the notes (clari-api.md §3-§7), for a small sales organisation. */
final class ClariFixtures {
  static final String TOKEN = "clari-test-token-do-not-print";
  static final String JOB_ID = "6073683781a6da229df71e00";

  /**
   * A VP (Vera) with two managers (Bob, West; Alice, East) and their reps (Zed and Amy under Bob, Carl under
   * Alice), listed out of hierarchy order. Two weeks are present: w9 (older) and w13 (latest, listed first,
   * whose id sorts before w9 as text). Quotas come as a separate Quota field carrying quotaValue.
   */
  static final String EXPORT = """
      {"entries":[
        {"userId":"u-zed","fieldId":"f-commit","timePeriodId":"2026_Q2","timeFrameId":"w13","forecastValue":40000,
         "quotaValue":null,"currency":{"code":"USD","symbol":"$"},"isUpdated":true},
        {"userId":"u-zed","fieldId":"f-commit","timePeriodId":"2026_Q2","timeFrameId":"w9","forecastValue":10000,
         "currency":{"code":"USD","symbol":"$"}},
        {"userId":"u-zed","fieldId":"f-quota","timePeriodId":"2026_Q2","timeFrameId":"w13","quotaValue":100000,
         "currency":{"code":"USD","symbol":"$"}},
        {"userId":"u-amy","fieldId":"f-commit","timePeriodId":"2026_Q2","timeFrameId":"w13","forecastValue":90000,
         "currency":{"code":"USD","symbol":"$"}},
        {"userId":"u-amy","fieldId":"f-best","timePeriodId":"2026_Q2","timeFrameId":"w13","forecastValue":120000,
         "currency":{"code":"USD","symbol":"$"}},
        {"userId":"u-amy","fieldId":"f-quota","timePeriodId":"2026_Q2","timeFrameId":"w13","quotaValue":80000,
         "currency":{"code":"USD","symbol":"$"}},
        {"userId":"u-bob","fieldId":"f-commit","timePeriodId":"2026_Q2","timeFrameId":"w13","forecastValue":125000,
         "currency":{"code":"USD","symbol":"$"}},
        {"userId":"u-bob","fieldId":"f-quota","timePeriodId":"2026_Q2","timeFrameId":"w13","quotaValue":0,
         "currency":{"code":"USD","symbol":"$"}},
        {"userId":"u-carl","fieldId":"f-commit","timePeriodId":"2026_Q2","timeFrameId":"w9","forecastValue":5000,
         "currency":{"code":"USD","symbol":"$"}},
        {"userId":"u-alice","fieldId":"f-commit","timePeriodId":"2026_Q2","timeFrameId":"w13","forecastValue":70000,
         "currency":{"code":"USD","symbol":"$"}},
        {"userId":"u-vera","fieldId":"f-commit","timePeriodId":"2026_Q2","timeFrameId":"w13","forecastValue":200000,
         "currency":{"code":"USD","symbol":"$"}},
        {"userId":"u-vera","fieldId":"f-quota","timePeriodId":"2026_Q2","timeFrameId":"w13","quotaValue":250000,
         "currency":{"code":"USD","symbol":"$"}}],
       "users":[
        {"userId":"u-zed","name":"Zed Rep","email":"zed@example.com","hierarchyId":"h-zed","hierarchyName":"West Rep 2",
         "parentHierarchyId":"h-bob","parentHierarchyName":"West"},
        {"userId":"u-carl","name":"Carl Rep","hierarchyId":"h-carl","hierarchyName":"East Rep",
         "parentHierarchyId":"h-alice"},
        {"userId":"u-bob","name":"Bob Manager","hierarchyId":"h-bob","hierarchyName":"West","parentHierarchyId":"h-vera"},
        {"userId":"u-amy","name":"amy Rep","hierarchyId":"h-amy","hierarchyName":"West Rep 1","parentHierarchyId":"h-bob"},
        {"userId":"u-vera","name":"Vera VP","hierarchyId":"h-vera","hierarchyName":"Sales"},
        {"userId":"u-alice","name":"Alice Manager","hierarchyId":"h-alice","hierarchyName":"East",
         "parentHierarchyId":"h-vera"}],
       "fields":[
        {"fieldId":"f-commit","fieldName":"Commit","fieldType":"forecast"},
        {"fieldId":"f-best","fieldName":"Best Case","fieldType":"forecast"},
        {"fieldId":"f-quota","fieldName":"Quota","fieldType":"quota"}],
       "timePeriods":[{"timePeriodId":"2026_Q2","type":"quarter","label":"Q2 2026","year":"2026",
                       "startDate":"2026-04-01","endDate":"2026-06-30","crmId":"p1"}],
       "timeFrames":[{"timeFrameId":"w13","startDate":"2026-06-24","endDate":"2026-06-30"},
                     {"timeFrameId":"w9","startDate":"2026-05-27","endDate":"2026-06-02"}]}
      """;

  private ClariFixtures() {
  }

  static MockResponse json(int code, String body) {
    return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
  }

  static MockResponse export() {
    return json(200, EXPORT);
  }

  /** An answer for another quarter than asked, as Clari gives when it does not know the asked one. */
  static MockResponse exportFor(String periodId, String label) {
    return json(200, EXPORT.replace("2026_Q2", periodId).replace("Q2 2026", label));
  }

  static MockResponse submitted() {
    return json(200, "{\"jobId\":\"" + JOB_ID + "\"}");
  }

  static MockResponse status(String status) {
    return json(200, "{\"job\":{\"jobId\":\"" + JOB_ID + "\",\"status\":\"" + status + "\",\"module\":\"FORECAST\"}}");
  }

  static MockResponse cancelled() {
    return json(200, "{\"status\":\"CANCELLED\",\"successful\":true}");
  }

  static MockResponse notFound() {
    return json(404, "{\"message\":\"no route\"}");
  }
}
