package io.revops.core.writes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.revops.core.RevOpsArgumentException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AddNoteTest extends MockOrg {
  static final String NOTE_ID = "069000000000001AAA";
  static final String LINK_ID = "06A000000000001EAA";
  static final String LEAD_15 = "00Q000000000001";

  @AfterEach
  void nothingElseWasWritten() {
    assertNoUpdateWithoutItsAuditRow();
  }

  private void enqueueNoteCreated() {
    enqueue(200, map("compositeResponse", List.of(
        sub("note", 201, created(NOTE_ID)), sub("link", 201, created(LINK_ID)))));
  }

  private static String decodedContent(Map<String, Object> noteBody) {
    return new String(Base64.getDecoder().decode((String) noteBody.get("Content")), StandardCharsets.UTF_8);
  }

  @Test
  void createsTheNoteAndItsLinkInOneAllOrNoneCompositeCall() {
    enqueueNoteCreated();

    NoteResult result = writer.addNote("Opportunity", OPP,
        "\n  Call with <CFO> & \"team\"  \r\nIt's 'go' for Q3\n\nNext: pricing\n\n");

    NoteResult.Added added = (NoteResult.Added) result;
    assertThat(added.noteId().to18()).isEqualTo(NOTE_ID);
    assertThat(added.linkId().to18()).isEqualTo(LINK_ID);
    assertThat(added.title()).isEqualTo("Call with <CFO> & \"team\"");
    assertThat(added.message()).isEqualTo("Added the note 'Call with <CFO> & \"team\"' (" + NOTE_ID + ") to"
        + " Opportunity " + OPP + ".");

    assertThat(recorded()).hasSize(1);
    RecordedRequest composite = last();
    assertThat(composite.getMethod() + " " + composite.getUrl().encodedPath()).isEqualTo("POST " + API + "composite");
    assertThat(jsonBody(composite).get("allOrNone")).isEqualTo(true);
    List<Map<String, Object>> subs = subrequests(composite);
    assertThat(subs).extracting(s -> s.get("referenceId") + " " + s.get("method") + " " + s.get("url"))
        .containsExactly("note POST " + API + "sobjects/ContentNote", "link POST " + API + "sobjects/ContentDocumentLink");
    Map<String, Object> note = subBody(subs.get(0));
    assertThat(note).containsOnlyKeys("Title", "Content").containsEntry("Title", "Call with <CFO> & \"team\"");
    assertThat(decodedContent(note)).isEqualTo("<p>  Call with &lt;CFO&gt; &amp; &quot;team&quot;  </p>"
        + "<p>It&#39;s &#39;go&#39; for Q3</p><p></p><p>Next: pricing</p>");
    assertThat(subBody(subs.get(1))).containsExactly(
        Map.entry("ContentDocumentId", "@{note.id}"),
        Map.entry("LinkedEntityId", OPP),
        Map.entry("ShareType", "V"),
        Map.entry("Visibility", "InternalUsers"));
  }

  @Test
  void theTitleIsTheFirstLineCutTo255CharactersAndNeverAReference() {
    enqueueNoteCreated();
    enqueueNoteCreated();

    NoteResult.Added longTitle = (NoteResult.Added) writer.addNote("Account", ACCOUNT, "é".repeat(300) + "\nrest");
    NoteResult.Added referenceLike = (NoteResult.Added) writer.addNote("Account", ACCOUNT, "Ask @{note.id} later");

    assertThat(longTitle.title()).isEqualTo("é".repeat(255));
    assertThat(referenceLike.title()).isEqualTo("Ask @ {note.id} later");
    assertThat(decodedContent(subBody(subrequests(last()).get(0)))).isEqualTo("<p>Ask @{note.id} later</p>");
  }

  @Test
  void aLeadIdOf15CharactersIsLinkedInIts18CharacterForm() {
    enqueueNoteCreated();

    writer.addNote("lead", LEAD_15, "Met at the conference");

    assertThat(subBody(subrequests(last()).get(1))).containsEntry("LinkedEntityId", "00Q000000000001EAA");
  }

  @Test
  void aNoteOf32000CharactersIsAcceptedAndOneMoreIsRefusedBeforeAnyRequest() {
    enqueueNoteCreated();
    assertThat(writer.addNote("Contact", "003000000000001AAA", "a".repeat(32_000))).isInstanceOf(NoteResult.Added.class);

    RevOpsArgumentException e = catchThrowableOfType(RevOpsArgumentException.class,
        () -> writer.addNote("Contact", "003000000000001AAA", "a".repeat(32_001)));

    assertThat(e).hasMessage("body: the note is 32001 characters long, more than 32000. Shorten it to 32000"
        + " characters, or split it into several notes");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void badArgumentsAreRefusedBeforeAnyRequest() {
    assertThat(catchThrowableOfType(RevOpsArgumentException.class, () -> writer.addNote("Opportunity", ACCOUNT, "x")))
        .hasMessageContaining("objectId '" + ACCOUNT + "' is an Account, not an Opportunity");
    assertThat(catchThrowableOfType(RevOpsArgumentException.class, () -> writer.addNote("Case", OPP, "x")).argument())
        .isEqualTo("objectType");
    assertThat(catchThrowableOfType(RevOpsArgumentException.class, () -> writer.addNote("Opportunity", OPP, " \n ")))
        .hasMessage("body: the note is empty. Pass the note's text");
    assertThat(catchThrowableOfType(RevOpsArgumentException.class, () -> writer.addNote("Opportunity", OPP, null))
        .argument()).isEqualTo("body");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void aRefusedLinkLeavesNoNoteAndSaysSo() {
    enqueue(200, map("compositeResponse", List.of(
        sub("note", 400, List.of(map("errorCode", "PROCESSING_HALTED", "message", "rolled back"))),
        sub("link", 400, List.of(map("errorCode", "INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY",
            "message", "insufficient access rights on cross-reference id"))))));

    NoteResult.Failed failed = (NoteResult.Failed) writer.addNote("Opportunity", OPP, "Call notes");

    assertThat(failed.reason()).startsWith("INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY");
    assertThat(failed.message()).isEqualTo("Salesforce refused the note's link to Opportunity " + OPP
        + " (INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY: insufficient access rights on cross-reference id)."
        + " No note was created: the note and its link are created together or not at all. Check that the API"
        + " user may view Opportunity " + OPP + ".");
  }

  @Test
  void aLostAnswerSaysToCheckTheNotesBeforeAddingItAgain() {
    enqueue(503, List.of(map("errorCode", "SERVER_UNAVAILABLE", "message", "Maintenance")));

    NoteResult.OutcomeUnknown unknown = (NoteResult.OutcomeUnknown) writer.addNote("Opportunity", OPP, "Call notes");

    assertThat(unknown.message()).isEqualTo("Salesforce answered 503 SERVER_UNAVAILABLE to the composite call,"
        + " which does not say whether it was processed. Whether the note was created is unknown; if it was, it is"
        + " linked to Opportunity " + OPP + " (the note and its link are created together or not at all). Look at"
        + " the notes of Opportunity " + OPP + " before adding it again, so it is not added twice.");
    assertThat(recorded()).hasSize(1);
  }
}
