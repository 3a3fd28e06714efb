package io.revops.core.forecast;

import io.revops.clari.ForecastEntry;
import io.revops.clari.ForecastExport;
import io.revops.clari.ForecastField;
import io.revops.clari.ForecastTimeFrame;
import io.revops.clari.ForecastTimePeriod;
import io.revops.clari.ForecastUser;
import io.revops.core.RevOpsArgumentException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns Clari's five export lists into a {@link ForecastSummary}: checks the period Clari answered for,
 * keeps each person's latest week per field, resolves names, pairs calls with quotas and orders people
 * by hierarchy.
 */
final class ForecastSummarizer {
  private final ForecastExport export;
  private final String forecastId;
  private final QuarterPeriod requested;
  private final Optional<String> requestedCurrency;
  private final Instant retrievedAt;
  private final List<String> notes = new ArrayList<>();

  private ForecastSummarizer(ForecastExport export, String forecastId, QuarterPeriod requested,
      Optional<String> requestedCurrency, Instant retrievedAt) {
    this.export = export;
    this.forecastId = forecastId;
    this.requested = requested;
    this.requestedCurrency = requestedCurrency;
    this.retrievedAt = retrievedAt;
  }

  static ForecastSummary summarize(ForecastExport export, String forecastId, QuarterPeriod requested,
      Optional<String> requestedCurrency, Instant retrievedAt) {
    return new ForecastSummarizer(export, forecastId, requested, requestedCurrency, retrievedAt).summary();
  }

  private ForecastSummary summary() {
    ForecastPeriod period = answeredPeriod();
    if (!period.id().equals(requested.clariId())) {
      String warning = "Clari answered for " + period.label() + " (" + period.id() + ") although "
          + requested.clariId() + " was asked: Clari silently falls back to the current quarter when it does not"
          + " know the requested one. The figures are withheld so they are not mistaken for " + requested.label()
          + ". Check that " + requested.clariId() + " exists in the '" + forecastId + "' forecast tab, or ask for "
          + period.id() + " explicitly.";
      return new ForecastSummary(forecastId, requested.clariId(), period, Optional.empty(), requestedCurrency,
          List.of(), Optional.of(warning), notes, retrievedAt);
    }
    List<ForecastEntry> entries = export.entries().stream()
        .filter(e -> e.timePeriodId().isBlank() || e.timePeriodId().equals(period.id()))
        .toList();
    Map<String, ForecastTimeFrame> frames = new HashMap<>();
    export.timeFrames().forEach(frame -> frames.putIfAbsent(frame.timeFrameId(), frame));
    Comparator<String> frameOrder = frameOrder(frames);
    Map<CellKey, ForecastEntry> latest = latestPerCell(entries, frameOrder);
    Optional<ForecastWeek> week = latest.values().stream().map(ForecastEntry::timeFrameId).max(frameOrder)
        .map(id -> week(id, frames));
    List<ForecastRow> rows = rows(latest);
    if (rows.isEmpty()) {
      notes.add("Clari returned no forecast figures for '" + forecastId + "' in " + period.label() + ".");
    }
    return new ForecastSummary(forecastId, requested.clariId(), period, week, currency(entries), rows,
        Optional.empty(), notes, retrievedAt);
  }

  // ---------------------------------------------------------------- period

  private ForecastPeriod answeredPeriod() {
    String wanted = requested.clariId();
    List<ForecastTimePeriod> periods = export.timePeriods();
    Optional<ForecastTimePeriod> exact = periods.stream().filter(p -> p.timePeriodId().equals(wanted)).findFirst();
    if (exact.isPresent()) {
      return period(exact.get());
    }
    if (!periods.isEmpty()) {
      return period(periods.get(0));
    }
    Set<String> entryPeriods = new TreeSet<>();
    export.entries().forEach(e -> {
      if (!e.timePeriodId().isBlank()) {
        entryPeriods.add(e.timePeriodId());
      }
    });
    if (entryPeriods.isEmpty() || entryPeriods.contains(wanted)) {
      if (entryPeriods.isEmpty() && !export.entries().isEmpty()) {
        notes.add("Clari's answer did not say which quarter it covers; assuming " + wanted + ".");
      }
      return new ForecastPeriod(wanted, requested.label(), Optional.empty(), Optional.empty());
    }
    String other = entryPeriods.iterator().next();
    return new ForecastPeriod(other, labelOf(other), Optional.empty(), Optional.empty());
  }

  private static ForecastPeriod period(ForecastTimePeriod p) {
    return new ForecastPeriod(p.timePeriodId(), p.label().filter(l -> !l.isBlank()).orElse(labelOf(p.timePeriodId())),
        p.startDate(), p.endDate());
  }

  private static String labelOf(String periodId) {
    try {
      return QuarterPeriod.parse("timePeriod", periodId).label();
    } catch (RevOpsArgumentException notAQuarter) {
      return periodId;
    }
  }

  // ---------------------------------------------------------------- weeks

  private record CellKey(String userId, String fieldId) {
  }

  private static Map<CellKey, ForecastEntry> latestPerCell(List<ForecastEntry> entries, Comparator<String> frameOrder) {
    Map<CellKey, ForecastEntry> latest = new LinkedHashMap<>();
    for (ForecastEntry entry : entries) {
      latest.merge(new CellKey(entry.userId(), entry.fieldId()), entry,
          (kept, candidate) -> frameOrder.compare(candidate.timeFrameId(), kept.timeFrameId()) > 0 ? candidate : kept);
    }
    return latest;
  }

  /** Weeks by start date when Clari gave a readable one, else by id (numbers inside ids compared as numbers). */
  private static Comparator<String> frameOrder(Map<String, ForecastTimeFrame> frames) {
    Comparator<String> byStart = Comparator.comparing(
        id -> Optional.ofNullable(frames.get(id)).flatMap(ForecastTimeFrame::startDate).flatMap(ForecastSummarizer::date),
        (a, b) -> a.isPresent() && b.isPresent() ? a.get().compareTo(b.get())
            : Boolean.compare(a.isPresent(), b.isPresent()));
    return byStart.thenComparing(ForecastSummarizer::naturalCompare);
  }

  static Optional<LocalDate> date(String text) {
    String trimmed = text.trim();
    try {
      return Optional.of(LocalDate.parse(trimmed.length() > 10 ? trimmed.substring(0, 10) : trimmed));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  static int naturalCompare(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      char ca = a.charAt(i);
      char cb = b.charAt(j);
      if (Character.isDigit(ca) && Character.isDigit(cb)) {
        int endA = digitsEnd(a, i);
        int endB = digitsEnd(b, j);
        String na = a.substring(i, endA).replaceFirst("^0+(?=.)", "");
        String nb = b.substring(j, endB).replaceFirst("^0+(?=.)", "");
        int byLength = Integer.compare(na.length(), nb.length());
        int byDigits = byLength != 0 ? byLength : na.compareTo(nb);
        if (byDigits != 0) {
          return byDigits;
        }
        i = endA;
        j = endB;
      } else {
        if (ca != cb) {
          return Character.compare(ca, cb);
        }
        i++;
        j++;
      }
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }

  private static int digitsEnd(String s, int from) {
    int end = from;
    while (end < s.length() && Character.isDigit(s.charAt(end))) {
      end++;
    }
    return end;
  }

  private static ForecastWeek week(String id, Map<String, ForecastTimeFrame> frames) {
    ForecastTimeFrame frame = frames.get(id);
    return frame == null ? new ForecastWeek(id, Optional.empty(), Optional.empty())
        : new ForecastWeek(id, frame.startDate(), frame.endDate());
  }

  // ---------------------------------------------------------------- rows

  private List<ForecastRow> rows(Map<CellKey, ForecastEntry> latest) {
    List<String> fieldOrder = fieldOrder(latest.keySet());
    Set<String> quotaFields = quotaFields(latest.values());
    Map<String, String> fieldNames = new HashMap<>();
    export.fields().forEach(f -> fieldNames.putIfAbsent(f.fieldId(),
        f.fieldName().filter(n -> !n.isBlank()).orElse(f.fieldId())));
    Set<String> usersWithFigures = new LinkedHashSet<>();
    latest.keySet().forEach(cell -> usersWithFigures.add(cell.userId()));

    List<ForecastRow> rows = new ArrayList<>();
    for (Placed placed : hierarchyOrder(usersWithFigures)) {
      String userId = placed.userId();
      Optional<Double> userQuota = fieldOrder.stream().filter(quotaFields::contains)
          .map(field -> latest.get(new CellKey(userId, field))).filter(e -> e != null)
          .map(e -> e.quotaValue().or(e::forecastValue)).flatMap(Optional::stream).findFirst();
      for (String fieldId : fieldOrder) {
        ForecastEntry entry = latest.get(new CellKey(userId, fieldId));
        if (entry == null || quotaFields.contains(fieldId)) {
          continue;
        }
        Optional<Double> value = entry.forecastValue();
        Optional<Double> quota = entry.quotaValue().or(() -> userQuota);
        Optional<Double> attainment = value.isPresent() && quota.isPresent() && quota.get() > 0
            ? Optional.of(value.get() / quota.get()) : Optional.empty();
        rows.add(new ForecastRow(placed.name(), placed.role(), placed.depth(), fieldNames.getOrDefault(fieldId, fieldId),
            value, quota, attainment));
      }
    }
    return rows;
  }

  /** Clari's column order, then fields Clari did not list (by id). */
  private List<String> fieldOrder(Set<CellKey> cells) {
    Set<String> used = new HashSet<>();
    cells.forEach(cell -> used.add(cell.fieldId()));
    List<String> order = new ArrayList<>();
    export.fields().stream().map(ForecastField::fieldId).filter(used::contains).distinct().forEach(order::add);
    used.stream().filter(id -> !order.contains(id)).sorted().forEach(order::add);
    return order;
  }

  /**
   * Quota columns (Quota, Plan, Budget...): typed {@code quota} by Clari, or carrying only quota values.
   * Their value is the person's quota for every call row rather than a row of its own.
   */
  private Set<String> quotaFields(java.util.Collection<ForecastEntry> latest) {
    Set<String> quota = new HashSet<>();
    export.fields().forEach(f -> {
      if (f.fieldType().map(t -> t.toLowerCase(Locale.ROOT).contains("quota")).orElse(false)) {
        quota.add(f.fieldId());
      }
    });
    Map<String, boolean[]> seen = new HashMap<>(); // [has forecast value, has quota value]
    for (ForecastEntry e : latest) {
      boolean[] flags = seen.computeIfAbsent(e.fieldId(), id -> new boolean[2]);
      flags[0] |= e.forecastValue().isPresent();
      flags[1] |= e.quotaValue().isPresent();
    }
    seen.forEach((field, flags) -> {
      if (!flags[0] && flags[1]) {
        quota.add(field);
      }
    });
    return quota;
  }

  private Optional<String> currency(List<ForecastEntry> entries) {
    if (requestedCurrency.isPresent()) {
      return requestedCurrency;
    }
    Set<String> codes = new TreeSet<>();
    entries.forEach(e -> e.currencyCode().filter(c -> !c.isBlank()).ifPresent(codes::add));
    if (codes.size() > 1) {
      notes.add("Values are in several currencies (" + String.join(", ", codes) + "); pass currency to have Clari"
          + " convert them to one.");
      return Optional.empty();
    }
    return codes.stream().findFirst();
  }

  // ---------------------------------------------------------------- hierarchy

  private record Placed(String userId, String name, Optional<String> role, int depth) {
  }

  /**
   * Depth-first from the top of the hierarchy: a parent before its reports, siblings by name. Users Clari
   * listed without a reachable parent are roots; ids missing from Clari's user list come last.
   */
  private List<Placed> hierarchyOrder(Set<String> usersWithFigures) {
    Map<String, ForecastUser> byUserId = new LinkedHashMap<>();
    export.users().forEach(u -> byUserId.putIfAbsent(u.userId(), u));
    Comparator<ForecastUser> byName = Comparator.comparing((ForecastUser u) -> displayName(u), String.CASE_INSENSITIVE_ORDER)
        .thenComparing(ForecastUser::userId);
    Set<String> hierarchyIds = new HashSet<>();
    byUserId.values().forEach(u -> u.hierarchyId().ifPresent(hierarchyIds::add));
    Map<String, List<ForecastUser>> children = new HashMap<>();
    List<ForecastUser> roots = new ArrayList<>();
    for (ForecastUser user : byUserId.values()) {
      Optional<String> parent = user.parentHierarchyId().filter(p -> !p.isBlank())
          .filter(p -> !p.equals(user.hierarchyId().orElse(null))).filter(hierarchyIds::contains);
      if (parent.isPresent()) {
        children.computeIfAbsent(parent.get(), p -> new ArrayList<>()).add(user);
      } else {
        roots.add(user);
      }
    }
    children.values().forEach(list -> list.sort(byName));
    roots.sort(byName);

    List<Placed> order = new ArrayList<>();
    Set<String> visited = new HashSet<>();
    roots.forEach(root -> visit(root, 0, children, visited, order));
    byUserId.values().stream().filter(u -> !visited.contains(u.userId())).sorted(byName) // cycles in Clari's data
        .forEach(u -> visit(u, 0, children, visited, order));
    List<String> unknown = usersWithFigures.stream().filter(id -> !byUserId.containsKey(id)).sorted().toList();
    unknown.forEach(id -> order.add(new Placed(id, "(unknown user " + id + ")", Optional.empty(), 0)));
    if (!unknown.isEmpty()) {
      notes.add(unknown.size() + " user id(s) in Clari's figures are missing from its user list; they are shown by id"
          + " at the end.");
    }
    return order.stream().filter(p -> usersWithFigures.contains(p.userId())).toList();
  }

  private static void visit(ForecastUser user, int depth, Map<String, List<ForecastUser>> children, Set<String> visited,
      List<Placed> order) {
    if (!visited.add(user.userId())) {
      return;
    }
    order.add(new Placed(user.userId(), displayName(user), user.hierarchyName().filter(n -> !n.isBlank()), depth));
    user.hierarchyId().map(children::get).orElse(List.of())
        .forEach(child -> visit(child, depth + 1, children, visited, order));
  }

  private static String displayName(ForecastUser user) {
    return user.name().filter(n -> !n.isBlank()).or(user::email).orElse(user.userId());
  }
}
