package io.revops.core.writes;

import io.revops.core.CrmObject;
import io.revops.core.RevOpsArgumentException;
import io.revops.core.plan.DryRunPlan;
import io.revops.core.plan.PlannedRequest;
import io.revops.core.salesforce.DescribeCache;
import io.revops.salesforce.CompositeRequest;
import io.revops.salesforce.CompositeResponse;
import io.revops.salesforce.CompositeSubrequest;
import io.revops.salesforce.CompositeSubresponse;
import io.revops.salesforce.DryRun;
import io.revops.salesforce.FieldDescribe;
import io.revops.salesforce.SObjectDescribe;
import io.revops.salesforce.SObjectRecord;
import io.revops.salesforce.SalesforceApiException;
import io.revops.salesforce.SalesforceClient;
import io.revops.salesforce.SalesforceId;
import io.revops.salesforce.UserInfo;
import io.revops.salesforce.soql.SoqlGuard;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The only code in revops-core that changes Salesforce data, under the audit-first policy: no field
 * changes without an audit row.
 *
 * <p>{@link #updateField} sends the change in <em>one</em> composite call with {@code allOrNone=true}
 * that (1) reads the record, (2) inserts the audit row and (3) updates the field, so Salesforce commits
 * the audit row and the update together or neither; it never sends an update any other way. The old
 * value is read in a request of its own just before (a null cannot be substituted reliably into a
 * composite reference), and the read step in the composite matches the record only while it is
 * unchanged since that read, so the audit row's old value is the one actually replaced. A refused
 * attempt is recorded in a separate audit row ({@code Failed__c = true}) when the org's audit object has
 * that field; a lost answer (timeout after sending, 5xx, unreadable response) triggers a re-check of the
 * record and the audit object, and the result says exactly what is known.
 *
 * <p>{@link #addNote} creates a ContentNote and its link to the record in one all-or-none composite call.
 *
 * <p>Every bad argument raises {@link RevOpsArgumentException} before any request; checks that need the
 * org's describe (field exists, is updateable, value fits its type) raise it after the cached describe
 * and before anything is written. Reads that fail before anything is written (describe, userinfo, the
 * old value) throw the SDK's {@link SalesforceApiException}; from the write on, the outcome is a typed
 * result. {@link #planAddNote} and {@link #planUpdateField} validate the same way and send nothing.
 * Thread-safe.
 */
public final class AuditedWriter {
  /** The audit object used unless another is configured. */
  public static final String DEFAULT_AUDIT_OBJECT = "Cleanup_Audit__c";
  /** The longest note body accepted, in characters. */
  public static final int MAX_NOTE_LENGTH = 32_000;
  /** The shortest justification accepted, in characters after trimming. */
  public static final int MIN_JUSTIFICATION_LENGTH = 10;
  /** The longest actor name accepted. */
  public static final int MAX_ACTOR_NAME_LENGTH = 80;
  /** The longest new value accepted (Salesforce's largest long text area). */
  public static final int MAX_VALUE_LENGTH = 131_072;

  private static final Pattern CUSTOM_OBJECT = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,39}__c");
  private static final Pattern FIELD_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,79}");
  private static final String NOTE = "note";
  private static final String LINK = "link";

  private final SalesforceClient client;
  private final DescribeCache describes;
  private final String auditObject;
  private final WritableFields writableFields;
  private final Clock clock;
  private final SoqlGuard guard = SoqlGuard.defaults();
  private final AtomicReference<AuditSchema> auditSchema = new AtomicReference<>();
  private final AtomicReference<String> apiUsername = new AtomicReference<>();

  /**
   * @param client the Salesforce client writes go through
   * @param describes the shared describe cache (field checks use it)
   * @param auditObject the audit object's API name, such as {@link #DEFAULT_AUDIT_OBJECT}
   * @param writableFields the allow-list, or {@link WritableFields#anyUpdateable()}
   * @param clock the time source (the re-check looks for audit rows created since shortly before an attempt)
   * @throws RevOpsArgumentException when {@code auditObject} is not a custom object API name
   */
  public AuditedWriter(
      SalesforceClient client, DescribeCache describes, String auditObject, WritableFields writableFields,
      Clock clock) {
    this.client = Objects.requireNonNull(client, "client");
    this.describes = Objects.requireNonNull(describes, "describes");
    this.writableFields = Objects.requireNonNull(writableFields, "writableFields");
    this.clock = Objects.requireNonNull(clock, "clock");
    if (auditObject == null || !CUSTOM_OBJECT.matcher(auditObject.strip()).matches()) {
      throw new RevOpsArgumentException("auditObject", "'" + auditObject + "' is not a custom object API name",
          "Use the audit object's API name, such as " + DEFAULT_AUDIT_OBJECT);
    }
    this.auditObject = auditObject.strip();
  }

  /** The audit object's API name. */
  public String auditObject() {
    return auditObject;
  }

  /** The allow-list in force. */
  public WritableFields writableFields() {
    return writableFields;
  }

  // ---------------------------------------------------------------------------------------- notes

  /**
   * Adds a plain-text note to an Account, Opportunity, Contact or Lead: the text is HTML-escaped, each
   * line becomes a paragraph, and the note's title is its first line (at most 255 characters). The
   * ContentNote and its ContentDocumentLink (viewer access, internal users) are created in one
   * all-or-none composite call.
   *
   * @param objectType {@code Account}, {@code Opportunity}, {@code Contact} or {@code Lead}
   * @param objectId the record's id, whose key prefix must match {@code objectType}
   * @param body the note text: not blank, at most {@link #MAX_NOTE_LENGTH} characters
   * @throws RevOpsArgumentException for a bad argument, before any request
   */
  public NoteResult addNote(String objectType, String objectId, String body) {
    NoteArgs args = noteArgs(objectType, objectId, body);
    String title = NoteContent.title(args.body());
    CompositeRequest request = noteComposite(args.id(), title, NoteContent.content(args.body()));
    String record = args.object().apiName() + " " + args.id();
    Composite.Outcome outcome = Composite.send(client, request);
    if (outcome instanceof Composite.Answered answered) {
      return noteAnswered(args, title, answered.response());
    }
    if (outcome instanceof Composite.Refused refused) {
      return new NoteResult.Failed(args.object(), args.id(), refused.reason(),
          "Salesforce refused the note for " + record + ": " + refused.reason() + " No note was created.");
    }
    if (outcome instanceof Composite.NotSent notSent) {
      return new NoteResult.Failed(args.object(), args.id(), notSent.reason(),
          "The note never reached Salesforce: " + notSent.reason() + " No note was created; it is safe to try again.");
    }
    return noteUnknown(args, ((Composite.Lost) outcome).what());
  }

  /** The dry run of {@link #addNote}: validates the same way and returns the composite call it would send. */
  public DryRunPlan planAddNote(String objectType, String objectId, String body) {
    NoteArgs args = noteArgs(objectType, objectId, body);
    CompositeRequest request = noteComposite(args.id(), NoteContent.title(args.body()),
        NoteContent.content(args.body()));
    return new DryRunPlan("addNote", List.of(PlannedRequest.of(client.plan().composite(request))), List.of(
        "One composite call with allOrNone=true: the ContentNote and its ContentDocumentLink to "
            + args.object().apiName() + " " + args.id() + " are created together or not at all.",
        "ContentNote.Content is the note as HTML (escaped text, one <p> per line), base64-encoded.",
        "The org must have Notes enabled, and the API user must be able to create notes."));
  }

  private record NoteArgs(CrmObject object, SalesforceId id, String body) {}

  private static NoteArgs noteArgs(String objectType, String objectId, String body) {
    CrmObject object = CrmObject.parse("objectType", objectType);
    SalesforceId id = object.requireId("objectId", objectId);
    if (body == null || body.isBlank()) {
      throw new RevOpsArgumentException("body", "the note is empty", "Pass the note's text");
    }
    if (body.length() > MAX_NOTE_LENGTH) {
      throw new RevOpsArgumentException("body", "the note is " + body.length() + " characters long, more than "
          + MAX_NOTE_LENGTH, "Shorten it to " + MAX_NOTE_LENGTH + " characters, or split it into several notes");
    }
    return new NoteArgs(object, id, body);
  }

  private static CompositeRequest noteComposite(SalesforceId recordId, String title, String content) {
    Map<String, Object> note = new LinkedHashMap<>();
    note.put("Title", title);
    note.put("Content", content);
    Map<String, Object> link = new LinkedHashMap<>();
    link.put("ContentDocumentId", "@{" + NOTE + ".id}");
    link.put("LinkedEntityId", recordId.to18());
    link.put("ShareType", "V");
    link.put("Visibility", "InternalUsers");
    return CompositeRequest.builder().allOrNone(true)
        .add(CompositeSubrequest.create(NOTE, "ContentNote", note))
        .add(CompositeSubrequest.create(LINK, "ContentDocumentLink", link))
        .build();
  }

  private static NoteResult noteAnswered(NoteArgs args, String title, CompositeResponse response) {
    String record = args.object().apiName() + " " + args.id();
    if (!response.allSucceeded()) {
      CompositeSubresponse cause = Composite.rootCause(response).orElseThrow();
      String reason = Composite.errorText(cause);
      String hint = cause.referenceId().equals(NOTE)
          ? " Check that Notes are enabled in Setup (Notes Settings) and that the API user may create notes."
          : " Check that the API user may view " + record + ".";
      return new NoteResult.Failed(args.object(), args.id(), reason, "Salesforce refused the "
          + (cause.referenceId().equals(NOTE) ? "note" : "note's link to " + record) + " (" + reason + ")."
          + " No note was created: the note and its link are created together or not at all." + hint);
    }
    Optional<SalesforceId> noteId = createdId(response, NOTE);
    Optional<SalesforceId> linkId = createdId(response, LINK);
    if (noteId.isEmpty() || linkId.isEmpty()) {
      return noteUnknown(args, "Salesforce reported success but did not return the ids of the note and its link");
    }
    return new NoteResult.Added(args.object(), args.id(), noteId.get(), linkId.get(), title,
        "Added the note '" + title + "' (" + noteId.get() + ") to " + record + ".");
  }

  private static NoteResult noteUnknown(NoteArgs args, String what) {
    String record = args.object().apiName() + " " + args.id();
    return new NoteResult.OutcomeUnknown(args.object(), args.id(), what + ". Whether the note was created is"
        + " unknown; if it was, it is linked to " + record + " (the note and its link are created together or not"
        + " at all). Look at the notes of " + record + " before adding it again, so it is not added twice.");
  }

  private static Optional<SalesforceId> createdId(CompositeResponse response, String referenceId) {
    try {
      return response.result(referenceId).flatMap(CompositeSubresponse::createdId);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  // --------------------------------------------------------------------------------- field updates

  /**
   * Changes one field of an Account, Opportunity, Contact or Lead, audit first (see the class comment).
   *
   * @param objectType {@code Account}, {@code Opportunity}, {@code Contact} or {@code Lead}
   * @param objectId the record's id, whose key prefix must match {@code objectType}
   * @param fieldName the field's API name, such as {@code StageName}
   * @param newValue the new value as text: a number ({@code 125000}, {@code 99.5}), an ISO date
   *     ({@code 2026-06-30}) or date-time with zone ({@code 2026-06-30T17:00:00Z}), {@code true}/{@code false},
   *     an active picklist value (several joined by {@code ;} for a multi-select), a record id for a
   *     lookup, or text; an empty string clears the field when Salesforce allows it to be empty
   * @param justification why the change is made, at least {@link #MIN_JUSTIFICATION_LENGTH} characters
   * @param actorName the person on whose behalf the API user acts, recorded with the API username
   * @throws RevOpsArgumentException for a bad argument or a value the field cannot take, before anything
   *     is written
   * @throws AuditSetupException when the audit object or its fields are missing, before anything is written
   * @throws SalesforceApiException when a read before the write fails (describe, userinfo, the old value);
   *     nothing was written
   */
  public FieldUpdateResult updateField(
      String objectType, String objectId, String fieldName, String newValue, String justification,
      Optional<String> actorName) {
    UpdateArgs args = updateArgs(objectType, objectId, fieldName, newValue, justification, actorName);
    AuditSchema audit = auditSchema();
    FieldDescribe field = writableField(args);
    FieldValues.Converted value = FieldValues.convert(args.object().apiName(), field, args.newValue());
    checkFits(audit, AuditSchema.NEW_VALUE, "newValue", value.text().orElse(""));
    checkFits(audit, AuditSchema.JUSTIFICATION, "justification", args.justification());
    String performedBy = performedBy(args.actorName());
    checkFits(audit, AuditSchema.PERFORMED_BY, "actorName", performedBy);

    SObjectRecord before = client.retrieve(args.object().apiName(), args.id(), List.of(field.name(), "SystemModstamp"));
    Object old = before.get(field.name()).orElse(null);
    Optional<String> oldText = FieldValues.display(old);
    if (FieldValues.sameValue(field, old, value)) {
      return new FieldUpdateResult.Unchanged(args.object(), args.id(), field.name(), oldText,
          args.object().apiName() + " " + args.id() + " " + field.name() + " already holds "
              + UpdateAttempt.shown(oldText) + "; nothing was written and no audit row was needed.");
    }
    Optional<Instant> readStamp = readStamp(before);
    UpdateAttempt.Change change = new UpdateAttempt.Change(args.object(), args.id(), field, value, oldText,
        args.justification(), performedBy, readStamp);
    return new UpdateAttempt(client, guard, audit, clock, change).run();
  }

  /**
   * The dry run of {@link #updateField}: validates every argument that needs no request and returns the
   * requests it would send, sending none (not even describe). Notes say what depends on the describe,
   * the userinfo and the old value.
   */
  public DryRunPlan planUpdateField(
      String objectType, String objectId, String fieldName, String newValue, String justification,
      Optional<String> actorName) {
    UpdateArgs args = updateArgs(objectType, objectId, fieldName, newValue, justification, actorName);
    String objectName = args.object().apiName();
    String field = args.fieldName();
    String performer = "<API username from request 3>" + args.actorName().map(a -> " on behalf of " + a).orElse("");
    Map<String, Object> row = UpdateAttempt.auditRow(objectName, UpdateAttempt.RECORD_ID_REFERENCE, field,
        "<current value, from request 4>", args.newValue(), args.justification(), performer);
    Object planned = args.newValue().isBlank() ? null : args.newValue();
    CompositeRequest composite = UpdateAttempt.composite(guard, objectName, args.id(), field, planned, auditObject,
        row, Optional.of(clock.instant()));
    DryRun dry = client.plan();
    List<PlannedRequest> requests = List.of(
        PlannedRequest.of(dry.describe(auditObject)),
        PlannedRequest.of(dry.describe(objectName)),
        PlannedRequest.of(dry.userInfo()),
        PlannedRequest.of(dry.retrieve(objectName, args.id(), List.of(field, "SystemModstamp"))),
        PlannedRequest.of(dry.composite(composite)));
    List<String> notes = new ArrayList<>();
    notes.add("Requests 1-3 are sent on first use only: the audit object's check, the describe and the API"
        + " username are cached afterwards.");
    notes.add("Request 1 checks that " + auditObject + " has the audit fields; without them nothing is written.");
    notes.add("Request 2 decides whether " + objectName + "." + field + " exists, is updateable and not calculated,"
        + " and whether '" + args.newValue() + "' fits its type" + (args.newValue().isBlank() ? " (empty clears the"
        + " field, if it may be empty)" : "") + "; the value is then sent as its JSON type (number, boolean,"
        + " date), not as the text shown, and the field name as the org spells it.");
    notes.add("Request 4 reads the old value for Old_Value__c; if the field already holds the new value, nothing"
        + " is written.");
    notes.add("Request 5 is one composite call with allOrNone=true: read the record, insert the audit row, update"
        + " the field; Salesforce commits the audit row and the update together or neither. The read matches only"
        + " while the record's SystemModstamp is not later than request 4 found it (shown here with the current"
        + " time), so a change by someone else in between rolls everything back.");
    notes.add("If Salesforce refuses the update, one more POST to " + auditObject + " records the failed attempt"
        + " (Failed__c = true) when the object has that field. If the answer is lost, the record and " + auditObject
        + " are re-read to report what happened.");
    return new DryRunPlan("updateField", requests, notes);
  }

  private record UpdateArgs(
      CrmObject object, SalesforceId id, String fieldName, String newValue, String justification,
      Optional<String> actorName) {}

  private UpdateArgs updateArgs(
      String objectType, String objectId, String fieldName, String newValue, String justification,
      Optional<String> actorName) {
    Objects.requireNonNull(actorName, "actorName (pass Optional.empty() when there is none)");
    CrmObject object = CrmObject.parse("objectType", objectType);
    SalesforceId id = object.requireId("objectId", objectId);
    String field = fieldName == null ? "" : fieldName.strip();
    if (!FIELD_NAME.matcher(field).matches()) {
      throw new RevOpsArgumentException("fieldName", "'" + field + "' is not a field API name",
          "Use the field's API name, such as StageName, NextStep or Amount (custom fields end in __c)");
    }
    if (newValue == null) {
      throw new RevOpsArgumentException("newValue", "it is missing",
          "Pass the new value as text; pass an empty string to clear the field");
    }
    if (newValue.length() > MAX_VALUE_LENGTH) {
      throw new RevOpsArgumentException("newValue", "it is " + newValue.length() + " characters long",
          "Pass at most " + MAX_VALUE_LENGTH + " characters");
    }
    rejectReference("newValue", newValue);
    String why = justification == null ? "" : justification.strip();
    if (why.length() < MIN_JUSTIFICATION_LENGTH) {
      throw new RevOpsArgumentException("justification", why.isEmpty() ? "it is missing"
          : "'" + why + "' is shorter than " + MIN_JUSTIFICATION_LENGTH + " characters",
          "Say why the change is made, in at least " + MIN_JUSTIFICATION_LENGTH + " characters; it is recorded"
              + " in the audit row");
    }
    rejectReference("justification", why);
    Optional<String> actor = actorName.map(String::strip).filter(a -> !a.isEmpty());
    if (actor.isPresent()) {
      String a = actor.get();
      if (a.length() > MAX_ACTOR_NAME_LENGTH || a.chars().anyMatch(Character::isISOControl)) {
        throw new RevOpsArgumentException("actorName", "it must be one line of at most " + MAX_ACTOR_NAME_LENGTH
            + " characters", "Pass the person's name or email, such as Ana Lopez");
      }
      rejectReference("actorName", a);
    }
    if (!writableFields.allows(object.apiName(), field)) {
      throw new RevOpsArgumentException("fieldName", object.apiName() + "." + field + " is not in the"
          + " writable-fields list (" + String.join(", ", writableFields.listed()) + ")",
          "Change one of the listed fields, or ask the administrator to add " + object.apiName() + "." + field
              + " to the list (REVOPS_WRITABLE_FIELDS)");
    }
    return new UpdateArgs(object, id, field, newValue, why, actor);
  }

  private static void rejectReference(String argument, String text) {
    if (Composite.hasReference(text)) {
      throw new RevOpsArgumentException(argument, "it contains '@{', which Salesforce's composite API reads as a"
          + " reference to another request's result", "Remove or reword the '@{'; this server cannot write it safely");
    }
  }

  /** The audit object's schema, checked on first use; a failed check is not cached, so a fix takes effect. */
  private AuditSchema auditSchema() {
    AuditSchema known = auditSchema.get();
    if (known != null) {
      return known;
    }
    SObjectDescribe describe;
    try {
      describe = client.describe(auditObject);
    } catch (SalesforceApiException e) {
      if (e.kind() == SalesforceApiException.Kind.NOT_FOUND) {
        throw AuditSchema.missingObject(auditObject);
      }
      throw e;
    }
    AuditSchema verified = AuditSchema.verify(auditObject, describe);
    auditSchema.set(verified);
    return verified;
  }

  private FieldDescribe writableField(UpdateArgs args) {
    String objectName = args.object().apiName();
    SObjectDescribe describe = describes.describe(objectName);
    FieldDescribe field = describe.field(args.fieldName()).orElseThrow(() -> {
      String byLabel = describe.fields().stream().filter(f -> f.label().equalsIgnoreCase(args.fieldName()))
          .map(FieldDescribe::name).collect(Collectors.joining(" or "));
      return new RevOpsArgumentException("fieldName", objectName + " has no field '" + args.fieldName()
          + "' (or it is hidden from the API user by field-level security)", byLabel.isEmpty()
              ? "Use the field's API name, such as StageName or NextStep; custom fields end in __c"
              : "Use the API name " + byLabel + " (the label '" + args.fieldName() + "' is not an API name)");
    });
    String where = objectName + "." + field.name();
    if (field.calculated() || !field.updateable()) {
      throw new RevOpsArgumentException("fieldName", where + " is " + (field.calculated() ? "a calculated"
          + " (formula or roll-up) field" : "read-only for the API user"),
          "Choose a field that can be edited; a read-only field may need edit access in field-level security");
    }
    if (!FieldValues.supports(field.type())) {
      throw new RevOpsArgumentException("fieldName", where + " is a " + field.type() + " field, which this"
          + " server does not write", "Change it in Salesforce directly; this server writes "
          + FieldValues.supportedTypes());
    }
    return field;
  }

  private static void checkFits(AuditSchema audit, String auditField, String argument, String text) {
    int max = audit.maxLength(auditField);
    if (max > 0 && text.length() > max) {
      throw new RevOpsArgumentException(argument, "it is " + text.length() + " characters long, but the audit field "
          + audit.objectName() + "." + auditField + " holds at most " + max, "Shorten it to " + max
          + " characters, or ask an administrator to lengthen " + auditField);
    }
  }

  /** The API user's username (cached), plus the person acting through it when given. */
  private String performedBy(Optional<String> actorName) {
    String user = apiUsername.get();
    if (user == null) {
      UserInfo info = client.userInfo();
      user = firstNonBlank(info.preferredUsername(), info.email(), info.userId(), "API user (unnamed)");
      apiUsername.set(user);
    }
    String apiUser = user;
    return actorName.map(a -> apiUser + " on behalf of " + a).orElse(apiUser);
  }

  private static String firstNonBlank(String... values) {
    for (String v : values) {
      if (!v.isBlank()) {
        return v;
      }
    }
    return "";
  }

  private static Optional<Instant> readStamp(SObjectRecord before) {
    try {
      return before.getDateTime("SystemModstamp").map(OffsetDateTime::toInstant);
    } catch (IllegalStateException e) {
      return Optional.empty();
    }
  }
}
