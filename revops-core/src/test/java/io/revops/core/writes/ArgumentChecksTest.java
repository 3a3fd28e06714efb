package io.revops.core.writes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.revops.core.RevOpsArgumentException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Checks of updateField's arguments that need no request: each refusal leaves the server untouched. */
class ArgumentChecksTest extends MockOrg {

  private RevOpsArgumentException refused(String object, String id, String field, String value, String why,
      Optional<String> actor) {
    return catchThrowableOfType(RevOpsArgumentException.class,
        () -> writer.updateField(object, id, field, value, why, actor));
  }

  private RevOpsArgumentException refused(String field, String value) {
    return refused("Opportunity", OPP, field, value, WHY, Optional.empty());
  }

  @Test
  void argumentsAreCheckedBeforeAnyRequest() {
    assertThat(refused("Case", OPP, "Status", "Closed", WHY, Optional.empty()))
        .hasMessage("objectType: 'Case' is not an object type this server reads or writes. Use one of Account,"
            + " Opportunity, Contact, Lead");
    assertThat(refused("Opportunity", ACCOUNT, "StageName", "Negotiation", WHY, Optional.empty()).argument())
        .isEqualTo("objectId");
    assertThat(refused("Opportunity", ACCOUNT, "StageName", "Negotiation", WHY, Optional.empty()))
        .hasMessageContaining("is an Account").hasMessageContaining("starts with 006");
    assertThat(refused("Opportunity", "006-not-an-id", "StageName", "x", WHY, Optional.empty()).argument())
        .isEqualTo("objectId");
    assertThat(refused("Opportunity", OPP, "Stage Name", "x", WHY, Optional.empty()))
        .hasMessageStartingWith("fieldName: 'Stage Name' is not a field API name");
    assertThat(refused("Opportunity", OPP, "StageName", null, WHY, Optional.empty()))
        .hasMessage("newValue: it is missing. Pass the new value as text; pass an empty string to clear the field");
    assertThat(refused("Opportunity", OPP, "NextStep", "see @{old.records[0].Id}", WHY, Optional.empty()))
        .hasMessageStartingWith("newValue: it contains '@{'");
    assertThat(refused("Opportunity", OPP, "NextStep", "x", "  too short ", Optional.empty()))
        .hasMessage("justification: 'too short' is shorter than 10 characters. Say why the change is made, in at"
            + " least 10 characters; it is recorded in the audit row");
    assertThat(refused("Opportunity", OPP, "NextStep", "x", null, Optional.empty()))
        .hasMessageStartingWith("justification: it is missing.");
    assertThat(refused("Opportunity", OPP, "NextStep", "x", WHY, Optional.of("a".repeat(81))).argument())
        .isEqualTo("actorName");
    assertThat(refused("Opportunity", OPP, "NextStep", "x", WHY, Optional.of("Ana\nLopez")).argument())
        .isEqualTo("actorName");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void aFieldOutsideTheAllowListIsRefusedBeforeAnyRequest() {
    writer = writerWith(WritableFields.only(List.of("Opportunity.NextStep", "Opportunity.CloseDate")));

    RevOpsArgumentException e = refused("StageName", "Negotiation");

    assertThat(e.argument()).isEqualTo("fieldName");
    assertThat(e).hasMessage("fieldName: Opportunity.StageName is not in the writable-fields list"
        + " (Opportunity.NextStep, Opportunity.CloseDate). Change one of the listed fields, or ask the administrator"
        + " to add Opportunity.StageName to the list (REVOPS_WRITABLE_FIELDS)");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void theAllowListIgnoresCase() {
    writer = writerWith(WritableFields.only(List.of("opportunity.nextstep")));
    enqueueReadsBeforeWrite(auditDescribe(true, true), "NextStep", "Call");
    enqueue(200, compositeSuccess("NextStep", "Call"));

    assertThat(writer.updateField("Opportunity", OPP, "NextStep", "Send pricing", WHY, Optional.empty()))
        .isInstanceOf(FieldUpdateResult.Applied.class);
  }
}
