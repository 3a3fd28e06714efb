package io.revops.core.writes;

import io.revops.core.CrmObject;
import io.revops.salesforce.SalesforceId;
import java.util.Objects;

/**
 * What {@link AuditedWriter#addNote} did, in one of three shapes, each with a {@link #message()} a
 * person can act on. The note and its link to the record are created together or not at all.
 */
public sealed interface NoteResult {

  /** The object of the record the note was for. */
  CrmObject objectType();

  /** The record the note was for. */
  SalesforceId recordId();

  /** What happened and what to do next, in plain words. */
  String message();

  /**
   * The note exists and is linked to the record.
   *
   * @param noteId the ContentNote (a ContentDocument id, {@code 069...})
   * @param linkId the ContentDocumentLink ({@code 06A...})
   * @param title the note's title (its first line)
   */
  record Added(CrmObject objectType, SalesforceId recordId, SalesforceId noteId, SalesforceId linkId, String title,
      String message) implements NoteResult {
    public Added {
      Objects.requireNonNull(objectType, "objectType");
      Objects.requireNonNull(recordId, "recordId");
      Objects.requireNonNull(noteId, "noteId");
      Objects.requireNonNull(linkId, "linkId");
      Objects.requireNonNull(title, "title");
      Objects.requireNonNull(message, "message");
    }
  }

  /**
   * No note was created: Salesforce refused it, or the request never reached Salesforce.
   *
   * @param reason Salesforce's error (code and message), or why the request was not sent
   */
  record Failed(CrmObject objectType, SalesforceId recordId, String reason, String message) implements NoteResult {
    public Failed {
      Objects.requireNonNull(objectType, "objectType");
      Objects.requireNonNull(recordId, "recordId");
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(message, "message");
    }
  }

  /**
   * Salesforce's answer was lost, so whether the note (with its link) was created is unknown; the
   * message says to check the record's notes before adding it again.
   */
  record OutcomeUnknown(CrmObject objectType, SalesforceId recordId, String message) implements NoteResult {
    public OutcomeUnknown {
      Objects.requireNonNull(objectType, "objectType");
      Objects.requireNonNull(recordId, "recordId");
      Objects.requireNonNull(message, "message");
    }
  }
}
