package io.revops.sandbox.internal.clari;

import java.util.List;
import java.util.Optional;

/**
 * A validated forecast read: from {@code POST /export/forecast/{id}}'s body or
 * {@code GET /forecast/{id}}'s query.
 *
 * @param quarter the resolved quarter (an unknown {@code timePeriod} falls back to the current one)
 * @param types the requested {@code typesToExport}, e.g. {@code forecast}, {@code quota}
 * @param users the users in scope
 */
record ExportRequest(ClariModel.ForecastTab tab, ClariModel.Quarter quarter, List<String> types,
    Optional<String> scopeId, List<ClariModel.ForecastUser> users, boolean includeHistorical, boolean csv) {

  ExportRequest {
    types = List.copyOf(types);
    users = List.copyOf(users);
  }
}
