package io.revops.sandbox.internal.salesforce;

import io.revops.salesforce.SalesforceId;
import io.revops.sandbox.internal.FaultState;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Creates and updates records the way the REST API does: every field is checked against describe
 * (exists, createable/updateable, type, length, restricted picklist, reference target, required)
 * before anything is written, with Salesforce's error codes; then the record is written together with
 * what Salesforce derives (names, stage-driven opportunity fields, history rows, system fields).
 *
 * <p>Callers hold the store's monitor.
 */
public final class RecordWriter {
  private static final List<String> HISTORY_FIELDS = List.of("Amount", "Probability", "StageName", "CloseDate",
      "ForecastCategory");
  private static final List<String> TRACKED_FIELDS = List.of("StageName", "Amount", "CloseDate");

  private final Store store;
  private final Schema schema;
  private final Clock clock;
  private final String runningUserId;
  private final FaultState faults;

  public RecordWriter(Store store, Clock clock, String runningUserId, FaultState faults) {
    this.store = store;
    this.schema = store.schema();
    this.clock = clock;
    this.runningUserId = runningUserId;
    this.faults = faults;
  }

  /** The object named in a URL, or Salesforce's 404 for an unknown one. */
  public ObjectSchema object(String name) {
    return schema.object(name).orElseThrow(SalesforceError::notFound);
  }

  /** {@code POST /sobjects/{type}}: validates {@code body}, inserts, and returns the new 18-character id. */
  public String create(String type, Map<String, Object> body) {
    ObjectSchema object = object(type);
    if (!object.createable()) {
      throw SalesforceError.dml("INVALID_TYPE_FOR_OPERATION", "entity type " + object.name()
          + " does not support insert", List.of());
    }
    Map<String, Object> values = coerceAll(object, body, true);
    List<String> missing = new ArrayList<>();
    for (FieldSchema f : object.fields()) {
      if (f.requiredOnCreate() && values.get(f.name()) == null) {
        missing.add(f.name());
      }
    }
    if (!missing.isEmpty()) {
      throw SalesforceError.dml("REQUIRED_FIELD_MISSING", "Required fields are missing: " + missing, missing);
    }
    Instant now = clock.instant();
    for (FieldSchema f : object.fields()) {
      if (values.get(f.name()) == null) {
        f.defaultPicklistValue().ifPresent(v -> values.put(f.name(), v));
        if (f.type() == FieldType.BOOLEAN) {
          values.put(f.name(), false);
        }
      }
    }
    String id = store.newId(object);
    values.put("Id", id);
    putIfField(object, values, "OwnerId", values.getOrDefault("OwnerId", null) == null ? runningUserId
        : values.get("OwnerId"));
    putIfField(object, values, "CreatedDate", now);
    putIfField(object, values, "CreatedById", runningUserId);
    putIfField(object, values, "LastModifiedDate", now);
    putIfField(object, values, "LastModifiedById", runningUserId);
    putIfField(object, values, "SystemModstamp", now);
    switch (object.name()) {
      case "Opportunity" -> {
        deriveFromStage(values, values, true, true);
        values.put("LastStageChangeDate", now);
        values.put("PushCount", 0);
        values.put("HasOpenActivity", false);
        values.put("HasOverdueTask", false);
        Derived.opportunity(values);
      }
      case "Contact", "Lead" -> values.put("Name", Derived.fullName(values));
      case "Event" -> values.put("AccountId", eventAccount(values));
      case "ContentNote" -> note(values);
      case Schema.AUDIT_OBJECT -> values.put("Name", String.format("CA-%06d", store.all(object.name()).size() + 1));
      default -> {
        // nothing derived
      }
    }
    Map<String, Object> row = store.insert(object, values);
    if (object.name().equals("Opportunity")) {
      history(row, null, now);
    }
    if (object.name().equals("ContentNote")) {
      insertContentDocument(row);
    }
    return id;
  }

  /** {@code PATCH /sobjects/{type}/{id}}: validates {@code body}, then changes the stored record. */
  public void update(String type, String id, Map<String, Object> body) {
    ObjectSchema object = object(type);
    Map<String, Object> row = find(object, id);
    if (!object.updateable()) {
      throw SalesforceError.dml("INVALID_TYPE_FOR_OPERATION", "entity type " + object.name()
          + " does not support update", List.of());
    }
    Map<String, Object> changes = coerceAll(object, body, false);
    List<String> cleared = new ArrayList<>();
    changes.forEach((name, value) -> {
      if (value == null && !object.field(name).orElseThrow().nillable()) {
        cleared.add(name);
      }
    });
    if (!cleared.isEmpty()) {
      throw SalesforceError.dml("REQUIRED_FIELD_MISSING", "Required fields are missing: " + cleared, cleared);
    }
    Optional<FaultState.Failure> fault = faults.takeUpdateFailure(object.name());
    if (fault.isPresent()) {
      throw SalesforceError.dml(fault.get().errorCode(), fault.get().message(), List.of());
    }
    Map<String, Object> before = new LinkedHashMap<>(row);
    Instant now = clock.instant();
    changes.forEach((name, value) -> store.set(row, name, value));
    setIfField(object, row, "LastModifiedDate", now);
    setIfField(object, row, "LastModifiedById", runningUserId);
    setIfField(object, row, "SystemModstamp", now);
    switch (object.name()) {
      case "Opportunity" -> updateOpportunity(row, before, changes, now);
      case "Contact", "Lead" -> store.set(row, "Name", Derived.fullName(row));
      case "Event" -> store.set(row, "AccountId", eventAccount(row));
      case "ContentNote" -> {
        Map<String, Object> derived = new LinkedHashMap<>(row);
        note(derived);
        for (String f : List.of("TextPreview", "ContentSize")) {
          store.set(row, f, derived.get(f));
        }
        store.get("ContentDocument", id18(row)).ifPresent(doc -> {
          store.set(doc, "Title", row.get("Title"));
          store.set(doc, "ContentSize", row.get("ContentSize"));
          store.set(doc, "LastModifiedDate", now);
          store.set(doc, "SystemModstamp", now);
        });
      }
      default -> {
        // nothing derived
      }
    }
  }

  /** The stored record {@code id} of {@code object}; 400 MALFORMED_ID or 404 NOT_FOUND as Salesforce answers. */
  public Map<String, Object> find(ObjectSchema object, String id) {
    if (!SalesforceId.isValid(id)) {
      throw SalesforceError.of(400, "MALFORMED_ID", object.label() + " ID: id value of incorrect type: " + id);
    }
    return store.get(object.name(), SalesforceId.of(id).to18()).orElseThrow(SalesforceError::notFound);
  }

  // ---------------------------------------------------------------- validation

  private Map<String, Object> coerceAll(ObjectSchema object, Map<String, Object> body, boolean create) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (Map.Entry<String, Object> entry : body.entrySet()) {
      if (entry.getKey().equals("attributes")) {
        continue;
      }
      FieldSchema field = object.field(entry.getKey()).orElseThrow(() -> SalesforceError.dml("INVALID_FIELD",
          "No such column '" + entry.getKey() + "' on sobject of type " + object.name(), List.of()));
      if (create ? !field.createable() : !field.updateable()) {
        throw SalesforceError.dml("INVALID_FIELD_FOR_INSERT_UPDATE", "Unable to create/update fields: " + field.name()
            + ". Please check the security settings of this field and verify that it is read/write for your profile or"
            + " permission set.", List.of(field.name()));
      }
      values.put(field.name(), coerce(field, entry.getValue()));
    }
    return values;
  }

  private Object coerce(FieldSchema field, Object json) {
    if (json == null) {
      return null;
    }
    if (json instanceof Map || json instanceof List) {
      throw parseError(field, json);
    }
    FieldType type = field.type();
    if (type.isId()) {
      return reference(field, json);
    }
    if (type.isText()) {
      String text = json instanceof BigDecimal d ? d.toPlainString() : json.toString();
      if (text.length() > field.length()) {
        throw SalesforceError.dml("STRING_TOO_LONG", field.label() + ": data value too large: "
            + abbreviate(text) + " (max length=" + field.length() + ")", List.of(field.name()));
      }
      if (type == FieldType.PICKLIST && field.restrictedPicklist() && !field.picklistValues().contains(text)) {
        throw SalesforceError.dml("INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST", field.label()
            + ": bad value for restricted picklist field: " + text, List.of(field.name()));
      }
      return text;
    }
    try {
      return switch (type) {
        case BOOLEAN -> json instanceof Boolean b ? b : bool(field, json);
        case CURRENCY, DOUBLE, PERCENT -> json instanceof BigDecimal d ? d : new BigDecimal(json.toString().trim());
        case INT -> (json instanceof BigDecimal d ? d : new BigDecimal(json.toString().trim())).intValueExact();
        case DATE -> LocalDate.parse((String) json);
        case DATETIME -> Values.parseDateTime((String) json);
        case BASE64 -> {
          Base64.getMimeDecoder().decode((String) json);
          yield json;
        }
        default -> throw parseError(field, json);
      };
    } catch (ClassCastException | ArithmeticException | DateTimeParseException | IllegalArgumentException e) {
      throw parseError(field, json);
    }
  }

  private static Boolean bool(FieldSchema field, Object json) {
    String s = json.toString();
    if (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false")) {
      return Boolean.valueOf(s);
    }
    throw parseError(field, json);
  }

  private String reference(FieldSchema field, Object json) {
    String text = json.toString();
    if (!SalesforceId.isValid(text)) {
      throw SalesforceError.dml("MALFORMED_ID", field.label() + ": id value of incorrect type: " + abbreviate(text),
          List.of(field.name()));
    }
    String id = SalesforceId.of(text).to18();
    if (field.type() == FieldType.REFERENCE && store.find(field.referenceTo(), id).isEmpty()) {
      throw SalesforceError.dml("INVALID_CROSS_REFERENCE_KEY", "invalid cross reference id", List.of(field.name()));
    }
    return id;
  }

  private static SalesforceError parseError(FieldSchema field, Object json) {
    String kind = switch (field.type()) {
      case BOOLEAN -> "boolean";
      case CURRENCY, DOUBLE, PERCENT -> "double";
      case INT -> "int";
      case DATE -> "date";
      case DATETIME -> "datetime";
      default -> field.type().wireName();
    };
    return SalesforceError.of(400, "JSON_PARSER_ERROR", "Cannot deserialize instance of " + kind + " from "
        + (json instanceof String ? "VALUE_STRING" : "VALUE") + " value " + abbreviate(String.valueOf(json))
        + " or request may be missing a required field (field " + field.name() + ")");
  }

  private static String abbreviate(String s) {
    return s.length() <= 80 ? s : s.substring(0, 80) + "...";
  }

  // ---------------------------------------------------------------- derived values

  private static void putIfField(ObjectSchema object, Map<String, Object> values, String field, Object value) {
    if (object.field(field).isPresent()) {
      values.put(field, value);
    }
  }

  private void setIfField(ObjectSchema object, Map<String, Object> row, String field, Object value) {
    if (object.field(field).isPresent()) {
      store.set(row, field, value);
    }
  }

  /**
   * Sets what the stage implies: the closed/won flags always, probability and forecast category unless
   * the same request set them (a stage change resets them, as in Salesforce).
   */
  private static void deriveFromStage(Map<String, Object> target, Map<String, Object> given, boolean probability,
      boolean category) {
    Stages.Stage stage = Stages.named((String) target.get("StageName")).orElseThrow();
    target.put("IsClosed", stage.closed());
    target.put("IsWon", stage.won());
    if (probability && given.get("Probability") == null) {
      target.put("Probability", stage.probabilityValue());
    }
    if (category && given.get("ForecastCategoryName") == null) {
      target.put("ForecastCategoryName", stage.forecastCategoryName());
    }
    target.put("ForecastCategory", Stages.forecastCategoryOf((String) target.get("ForecastCategoryName")));
  }

  private void updateOpportunity(Map<String, Object> row, Map<String, Object> before, Map<String, Object> changes,
      Instant now) {
    boolean stageChanged = !Objects.equals(before.get("StageName"), row.get("StageName"));
    Map<String, Object> derived = new LinkedHashMap<>(row);
    deriveFromStage(derived, stageChanged ? changes : row, stageChanged, stageChanged);
    Derived.opportunity(derived);
    if (stageChanged) {
      derived.put("LastStageChangeDate", now);
    }
    LocalDate oldClose = (LocalDate) before.get("CloseDate");
    LocalDate newClose = (LocalDate) row.get("CloseDate");
    if (oldClose != null && newClose != null && newClose.withDayOfMonth(1).isAfter(oldClose.withDayOfMonth(1))) {
      derived.put("PushCount", ((Integer) Objects.requireNonNullElse(row.get("PushCount"), 0)) + 1);
    }
    for (String field : List.of("IsClosed", "IsWon", "Probability", "ForecastCategoryName", "ForecastCategory",
        "ExpectedRevenue", "FiscalQuarter", "FiscalYear", "LastStageChangeDate", "PushCount")) {
      if (!Objects.equals(row.get(field), derived.get(field))) {
        store.set(row, field, derived.get(field));
      }
    }
    history(row, before, now);
  }

  /** Writes the OpportunityHistory snapshot and the tracked-field rows a change produces, as Salesforce does. */
  private void history(Map<String, Object> row, Map<String, Object> before, Instant now) {
    boolean changed = before == null
        || HISTORY_FIELDS.stream().anyMatch(f -> !Values.same(before.get(f), row.get(f)));
    if (!changed) {
      return;
    }
    ObjectSchema history = schema.object("OpportunityHistory").orElseThrow();
    Map<String, Object> snapshot = new LinkedHashMap<>();
    snapshot.put("Id", store.newId(history));
    snapshot.put("OpportunityId", row.get("Id"));
    for (String f : List.of("StageName", "Amount", "ExpectedRevenue", "CloseDate", "Probability", "ForecastCategory")) {
      snapshot.put(f, row.get(f));
    }
    if (before != null) {
      snapshot.put("PrevAmount", before.get("Amount"));
      snapshot.put("PrevCloseDate", before.get("CloseDate"));
    }
    snapshot.put("IsDeleted", false);
    snapshot.put("CreatedDate", now);
    snapshot.put("CreatedById", runningUserId);
    store.insert(history, snapshot);
    if (before == null) {
      return;
    }
    ObjectSchema fieldHistory = schema.object("OpportunityFieldHistory").orElseThrow();
    for (String field : TRACKED_FIELDS) {
      if (!Values.same(before.get(field), row.get(field))) {
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("Id", store.newId(fieldHistory));
        change.put("OpportunityId", row.get("Id"));
        change.put("Field", field);
        change.put("DataType", Derived.historyDataType(field));
        change.put("OldValue", before.get(field));
        change.put("NewValue", row.get(field));
        change.put("IsDeleted", false);
        change.put("CreatedDate", now);
        change.put("CreatedById", runningUserId);
        store.insert(fieldHistory, change);
      }
    }
  }

  private String eventAccount(Map<String, Object> event) {
    Object what = event.get("WhatId");
    if (what != null) {
      if (store.get("Account", (String) what).isPresent()) {
        return (String) what;
      }
      Optional<Map<String, Object>> opportunity = store.get("Opportunity", (String) what);
      if (opportunity.isPresent()) {
        return (String) opportunity.get().get("AccountId");
      }
    }
    Object who = event.get("WhoId");
    return who == null ? null : store.get("Contact", (String) who).map(c -> (String) c.get("AccountId")).orElse(null);
  }

  /** ContentNote: FileType SNOTE, size and plain-text preview of the base64 content. */
  private static void note(Map<String, Object> values) {
    String content = (String) values.get("Content");
    byte[] bytes = content == null ? new byte[0] : Base64.getMimeDecoder().decode(content);
    String text = new String(bytes, StandardCharsets.UTF_8).replaceAll("<[^>]*>", " ")
        .replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
        .replace("&amp;", "&").replaceAll("\\s+", " ").strip();
    values.put("TextPreview", text.length() <= 255 ? text : text.substring(0, 255));
    values.put("ContentSize", bytes.length);
    values.put("FileType", "SNOTE");
    values.put("FileExtension", "snote");
  }

  private void insertContentDocument(Map<String, Object> note) {
    ObjectSchema document = schema.object("ContentDocument").orElseThrow();
    Map<String, Object> doc = new LinkedHashMap<>();
    for (String f : List.of("Id", "Title", "FileType", "FileExtension", "ContentSize", "OwnerId", "CreatedDate",
        "CreatedById", "LastModifiedDate", "SystemModstamp")) {
      doc.put(f, note.get(f));
    }
    store.insert(document, doc);
  }

  private static String id18(Map<String, Object> row) {
    return (String) row.get("Id");
  }

  /** Values Salesforce computes from other fields; shared with the seed data. */
  public static final class Derived {
    private Derived() {}

    /** ExpectedRevenue, FiscalQuarter and FiscalYear (the fiscal year is the calendar year). */
    public static void opportunity(Map<String, Object> values) {
      BigDecimal amount = (BigDecimal) values.get("Amount");
      BigDecimal probability = (BigDecimal) values.get("Probability");
      values.put("ExpectedRevenue", amount == null || probability == null ? null
          : amount.multiply(probability).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP));
      LocalDate close = (LocalDate) values.get("CloseDate");
      values.put("FiscalQuarter", close == null ? null : (close.getMonthValue() - 1) / 3 + 1);
      values.put("FiscalYear", close == null ? null : close.getYear());
    }

    /** A person's Name: first and last name. */
    public static String fullName(Map<String, Object> values) {
      Object first = values.get("FirstName");
      Object last = values.get("LastName");
      return first == null ? (String) last : first + " " + last;
    }

    /** OpportunityFieldHistory.DataType of a tracked field. */
    public static String historyDataType(String field) {
      return switch (field) {
        case "Amount" -> "Currency";
        case "CloseDate" -> "Date";
        default -> "Text";
      };
    }
  }
}
