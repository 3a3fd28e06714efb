package io.revops.core.changes;

import io.revops.core.internal.ShortText;
import io.revops.core.salesforce.SoqlLiterals;
import io.revops.salesforce.QueryResult;
import io.revops.salesforce.SObjectRecord;
import io.revops.salesforce.SalesforceApiException;
import io.revops.salesforce.SalesforceClient;
import io.revops.salesforce.SalesforceId;
import io.revops.salesforce.soql.GuardedQuery;
import io.revops.salesforce.soql.SoqlGuard;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Stage, amount and close-date changes from Salesforce history.
 *
 * <p>How "not tracked" is detected: {@code FieldDefinition.IsFieldHistoryTracked} for Opportunity, read on
 * every call (an admin may switch tracking off at any time, and a stale answer would silently miss
 * changes). Field history is used only when StageName, Amount and CloseDate are all tracked; otherwise,
 * or when the check or the field-history query fails (no access to setup metadata, INVALID_TYPE), the
 * answer comes from OpportunityHistory, which Salesforce always writes for those three fields. An empty
 * OpportunityFieldHistory result cannot tell "no changes" from "not tracked", which is why the check is
 * explicit.
 */
final class SalesforceHistory {
  static final List<String> FIELDS = List.of("StageName", "Amount", "CloseDate");
  /** Snapshots compared per call in the OpportunityHistory fallback (the guard's cap). */
  static final int MAX_SNAPSHOTS = 200;

  private final SalesforceClient salesforce;
  private final SoqlGuard guard;

  SalesforceHistory(SalesforceClient salesforce, SoqlGuard guard) {
    this.salesforce = salesforce;
    this.guard = guard;
  }

  CrmFieldChanges changes(ChangeWindow window, int limit) {
    List<String> notes = new ArrayList<>();
    if (allFieldsTracked(notes)) {
      try {
        return fieldHistory(window, limit, notes);
      } catch (SalesforceApiException e) {
        if (!isAboutTheQuery(e)) {
          throw e;
        }
        notes.add("OpportunityFieldHistory could not be read (" + reason(e) + "), so OpportunityHistory snapshots"
            + " were compared instead.");
      }
    }
    return opportunityHistory(window, limit, notes);
  }

  // ---------------------------------------------------------------- queries (also shown by dry runs)

  GuardedQuery trackingQuery() {
    return guard.check("SELECT QualifiedApiName FROM FieldDefinition"
        + " WHERE EntityDefinition.QualifiedApiName = 'Opportunity' AND IsFieldHistoryTracked = true");
  }

  GuardedQuery fieldHistoryQuery(ChangeWindow window, int limit) {
    return guard.check("SELECT OpportunityId, Opportunity.Name, Field, OldValue, NewValue, CreatedDate, CreatedBy.Name"
        + " FROM OpportunityFieldHistory WHERE " + fieldHistoryFilter(window)
        + " ORDER BY CreatedDate DESC, Id DESC LIMIT " + limit);
  }

  GuardedQuery snapshotQuery(ChangeWindow window) {
    return guard.check("SELECT Id, OpportunityId, Opportunity.Name, StageName, Amount, PrevAmount, CloseDate,"
        + " PrevCloseDate, CreatedDate, CreatedBy.Name FROM OpportunityHistory WHERE " + windowFilter(window)
        + " ORDER BY CreatedDate DESC, Id DESC LIMIT " + MAX_SNAPSHOTS);
  }

  private static String fieldHistoryFilter(ChangeWindow window) {
    String fields = FIELDS.stream().map(SoqlLiterals::string).collect(Collectors.joining(", ", "(", ")"));
    return "Field IN " + fields + " AND " + windowFilter(window);
  }

  /** CreatedDate is a datetime: full UTC datetime literals, the end exclusive so the end date counts whole. */
  private static String windowFilter(ChangeWindow window) {
    return "CreatedDate >= " + SoqlLiterals.dateTime(window.from()) + " AND CreatedDate < "
        + SoqlLiterals.dateTime(window.until());
  }

  // ---------------------------------------------------------------- tracking check

  private boolean allFieldsTracked(List<String> notes) {
    Set<String> tracked = new LinkedHashSet<>();
    try {
      salesforce.queryPaginator(trackingQuery(), 1000).collect().records()
          .forEach(r -> r.getString("QualifiedApiName").ifPresent(tracked::add));
    } catch (SalesforceApiException e) {
      if (!isAboutTheQuery(e)) {
        throw e;
      }
      notes.add("Could not read which Opportunity fields have history tracking (" + reason(e) + "), so"
          + " OpportunityHistory snapshots were compared; they always record stage, amount and close date.");
      return false;
    }
    List<String> untracked = FIELDS.stream().filter(f -> !tracked.contains(f)).toList();
    if (!untracked.isEmpty()) {
      notes.add("Field history tracking is off for " + String.join(", ", untracked) + " on Opportunity, so"
          + " OpportunityHistory snapshots were compared instead of OpportunityFieldHistory.");
    }
    return untracked.isEmpty();
  }

  /**
   * Failures that concern this query (unknown object or field, no access to it), after which the other
   * source can still answer; expired sessions, API limits, server and network failures are rethrown.
   */
  private static boolean isAboutTheQuery(SalesforceApiException e) {
    return switch (e.kind()) {
      case MALFORMED_QUERY, INVALID_FIELD, BAD_REQUEST, PERMISSION_DENIED, NOT_FOUND -> true;
      default -> false;
    };
  }

  private static String reason(SalesforceApiException e) {
    return e.errorCode().isEmpty() ? "HTTP " + e.httpStatus() : e.errorCode();
  }

  // ---------------------------------------------------------------- field history

  private CrmFieldChanges fieldHistory(ChangeWindow window, int limit, List<String> notes) {
    QueryResult rows = salesforce.queryPaginator(fieldHistoryQuery(window, limit), limit).collect();
    List<FieldChange> changes = rows.records().stream().map(SalesforceHistory::fieldChange).toList();
    long total = changes.size();
    if (changes.size() >= limit) {
      total = salesforce.query(guard.check("SELECT COUNT() FROM OpportunityFieldHistory WHERE "
          + fieldHistoryFilter(window))).totalSize();
    }
    boolean more = total > changes.size();
    if (more) {
      notes.add("Showing the newest " + changes.size() + " of " + total + " changes; narrow the window to see the rest.");
    }
    return new CrmFieldChanges(ChangeSource.SALESFORCE_FIELD_HISTORY, window, changes, more, Optional.of(total), notes);
  }

  private static FieldChange fieldChange(SObjectRecord row) {
    return new FieldChange(id18(row.getString("OpportunityId").orElse("")), row.getString("Opportunity.Name"),
        row.getString("Field").orElse(""), ShortText.render(row.get("OldValue")), ShortText.render(row.get("NewValue")),
        row.getDateTime("CreatedDate").orElseThrow(() -> missing("OpportunityFieldHistory.CreatedDate")).toInstant(),
        row.getString("CreatedBy.Name"));
  }

  // ---------------------------------------------------------------- OpportunityHistory fallback

  /** One OpportunityHistory row: the values after a change. */
  private record Snapshot(String id, String opportunityId, Optional<String> opportunityName, Optional<String> stage,
      Optional<BigDecimal> amount, Optional<BigDecimal> prevAmount, Optional<String> closeDate,
      Optional<String> prevCloseDate, Instant at, Optional<String> by) {

    static Snapshot of(SObjectRecord row, String opportunityId) {
      return new Snapshot(row.getString("Id").orElse(""), opportunityId, row.getString("Opportunity.Name"),
          row.getString("StageName"), row.getDecimal("Amount"), row.getDecimal("PrevAmount"),
          row.getString("CloseDate"), row.getString("PrevCloseDate"),
          row.getDateTime("CreatedDate").orElseThrow(() -> missing("OpportunityHistory.CreatedDate")).toInstant(),
          row.getString("CreatedBy.Name"));
    }
  }

  /**
   * Compares consecutive snapshots per opportunity. The first snapshot in the window is compared with the
   * opportunity's latest snapshot before it (one query on Opportunity with a per-parent LIMIT 1 subquery);
   * without one, amount and close date fall back to PrevAmount/PrevCloseDate, and the stage has nothing
   * to compare with (the opportunity was created in the window). When the window holds more than
   * {@value #MAX_SNAPSHOTS} snapshots, only the newest are compared.
   */
  private CrmFieldChanges opportunityHistory(ChangeWindow window, int limit, List<String> notes) {
    QueryResult result = salesforce.queryPaginator(snapshotQuery(window), MAX_SNAPSHOTS).collect();
    List<Snapshot> snapshots = new ArrayList<>();
    result.records().forEach(row -> snapshots.add(Snapshot.of(row, id18(row.getString("OpportunityId").orElse("")))));
    boolean snapshotsCut = false;
    if (snapshots.size() >= MAX_SNAPSHOTS) {
      long inWindow = salesforce.query(guard.check("SELECT COUNT() FROM OpportunityHistory WHERE "
          + windowFilter(window))).totalSize();
      snapshotsCut = inWindow > snapshots.size();
      if (snapshotsCut) {
        notes.add("The window holds " + inWindow + " stage-history snapshots; only the newest " + snapshots.size()
            + " were compared, so earlier changes in the window are missing. Narrow the window to see them.");
      }
    }
    Instant cutoff = snapshotsCut ? snapshots.get(snapshots.size() - 1).at() : window.from();
    Map<String, Snapshot> before = snapshots.isEmpty() ? Map.of() : snapshotsBefore(snapshots, cutoff);

    List<FieldChange> changes = new ArrayList<>();
    Map<String, List<Snapshot>> byOpportunity = new LinkedHashMap<>();
    snapshots.forEach(s -> byOpportunity.computeIfAbsent(s.opportunityId(), id -> new ArrayList<>()).add(s));
    byOpportunity.forEach((id, rows) -> {
      rows.sort(Comparator.comparing(Snapshot::at).thenComparing(Snapshot::id));
      Snapshot previous = before.get(id);
      for (Snapshot current : rows) {
        changes.addAll(differences(previous, current));
        previous = current;
      }
    });
    changes.sort(Comparator.comparing(FieldChange::changedAt).reversed()
        .thenComparing(FieldChange::opportunityId).thenComparing(c -> FIELDS.indexOf(c.field())));
    boolean more = snapshotsCut || changes.size() > limit;
    if (changes.size() > limit) {
      notes.add("Showing the newest " + limit + " of " + changes.size() + " changes found; narrow the window to see"
          + " the rest.");
    }
    Optional<Long> total = snapshotsCut ? Optional.empty() : Optional.of((long) changes.size());
    return new CrmFieldChanges(ChangeSource.SALESFORCE_OPPORTUNITY_HISTORY, window,
        changes.subList(0, Math.min(limit, changes.size())), more, total, notes);
  }

  GuardedQuery previousSnapshotQuery(Set<String> opportunityIds, Instant cutoff) {
    String ids = SoqlLiterals.idList(opportunityIds.stream().map(SalesforceId::of).toList());
    return guard.check("SELECT Id, (SELECT StageName, Amount, CloseDate, CreatedDate FROM OpportunityHistories"
        + " WHERE CreatedDate < " + SoqlLiterals.dateTime(cutoff) + " ORDER BY CreatedDate DESC LIMIT 1)"
        + " FROM Opportunity WHERE Id IN " + ids);
  }

  private Map<String, Snapshot> snapshotsBefore(List<Snapshot> snapshots, Instant cutoff) {
    Set<String> ids = new LinkedHashSet<>();
    snapshots.stream().map(Snapshot::opportunityId).filter(SalesforceId::isValid).forEach(ids::add);
    if (ids.isEmpty()) {
      return Map.of();
    }
    Map<String, Snapshot> before = new HashMap<>();
    for (SObjectRecord opportunity : salesforce.queryPaginator(previousSnapshotQuery(ids, cutoff), ids.size())
        .collect().records()) {
      String id = id18(opportunity.getString("Id").orElse(""));
      opportunity.getChildRecords("OpportunityHistories").stream().findFirst()
          .ifPresent(row -> before.put(id, Snapshot.of(row, id)));
    }
    return before;
  }

  private static List<FieldChange> differences(Snapshot previous, Snapshot current) {
    List<FieldChange> changes = new ArrayList<>();
    if (previous != null && !previous.stage().equals(current.stage())) {
      changes.add(change(current, "StageName", previous.stage(), current.stage()));
    }
    Optional<BigDecimal> oldAmount = previous != null ? previous.amount() : current.prevAmount();
    if ((previous != null || current.prevAmount().isPresent()) && !sameAmount(oldAmount, current.amount())) {
      changes.add(change(current, "Amount", oldAmount.flatMap(ShortText::render), current.amount().flatMap(ShortText::render)));
    }
    Optional<String> oldCloseDate = previous != null ? previous.closeDate() : current.prevCloseDate();
    if ((previous != null || current.prevCloseDate().isPresent()) && !oldCloseDate.equals(current.closeDate())) {
      changes.add(change(current, "CloseDate", oldCloseDate, current.closeDate()));
    }
    return changes;
  }

  private static boolean sameAmount(Optional<BigDecimal> a, Optional<BigDecimal> b) {
    return a.isPresent() && b.isPresent() ? a.get().compareTo(b.get()) == 0 : a.isEmpty() && b.isEmpty();
  }

  private static FieldChange change(Snapshot at, String field, Optional<String> oldValue, Optional<String> newValue) {
    return new FieldChange(at.opportunityId(), at.opportunityName(), field, oldValue, newValue, at.at(), at.by());
  }

  // ---------------------------------------------------------------- helpers

  private static String id18(String id) {
    return SalesforceId.isValid(id) ? SalesforceId.of(id).to18() : id;
  }

  private static IllegalStateException missing(String field) {
    return new IllegalStateException("Salesforce returned a history row without " + field + "; this should not"
        + " happen. Report it with the query.");
  }
}
