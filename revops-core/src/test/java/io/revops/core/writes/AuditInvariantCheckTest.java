package io.revops.core.writes;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.revops.salesforce.CompositeRequest;
import io.revops.salesforce.CompositeSubrequest;
import io.revops.salesforce.SalesforceId;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The fault-matrix tests rely on {@link MockOrg#assertNoUpdateWithoutItsAuditRow()}; these show it
 * catches each way an unaudited update could leave, by sending such requests straight through the SDK.
 */
class AuditInvariantCheckTest extends MockOrg {
  private static final SalesforceId OPPORTUNITY = SalesforceId.of(OPP);

  @Test
  void catchesAStandalonePatch() {
    enqueueNoContent();
    client.update("Opportunity", OPPORTUNITY, Map.of("StageName", "Negotiation"));

    assertThatThrownBy(this::assertNoUpdateWithoutItsAuditRow).hasMessageContaining("no standalone PATCH");
  }

  @Test
  void catchesACompositeUpdateWithoutAnAuditRow() {
    enqueue(200, map("compositeResponse", java.util.List.of(sub("update", 204, null))));
    client.composite(CompositeRequest.builder().allOrNone(true)
        .add(CompositeSubrequest.update("update", "Opportunity", OPPORTUNITY, Map.of("StageName", "Negotiation")))
        .build());

    assertThatThrownBy(this::assertNoUpdateWithoutItsAuditRow).hasMessageContaining("preceded by its audit row");
  }

  @Test
  void catchesAnAuditedUpdateOutsideAnAllOrNoneCall() {
    enqueue(200, map("compositeResponse", java.util.List.of()));
    client.composite(CompositeRequest.builder().allOrNone(false)
        .add(CompositeSubrequest.create("audit", AUDIT, UpdateAttempt.auditRow("Opportunity", OPP, "StageName",
            "Proposal", "Negotiation", WHY, USERNAME)))
        .add(CompositeSubrequest.update("update", "Opportunity", OPPORTUNITY, Map.of("StageName", "Negotiation")))
        .build());

    assertThatThrownBy(this::assertNoUpdateWithoutItsAuditRow).hasMessageContaining("all-or-none");
  }

  @Test
  void catchesAnAuditRowForAnotherFieldOrRecord() {
    enqueue(200, map("compositeResponse", java.util.List.of()));
    client.composite(CompositeRequest.builder().allOrNone(true)
        .add(CompositeSubrequest.create("audit", AUDIT, UpdateAttempt.auditRow("Opportunity", OPP, "NextStep",
            "", "x", WHY, USERNAME)))
        .add(CompositeSubrequest.update("update", "Opportunity", OPPORTUNITY, Map.of("StageName", "Negotiation")))
        .build());

    assertThatThrownBy(this::assertNoUpdateWithoutItsAuditRow).hasMessageContaining("preceded by its audit row");
  }

  @Test
  void catchesAStandaloneInsertIntoARecordOrAnUnflaggedAuditRow() {
    enqueue(201, created(ACCOUNT));
    client.create("Account", Map.of("Name", "Acme"));

    assertThatThrownBy(this::assertNoUpdateWithoutItsAuditRow).hasMessageContaining("only go to the audit object");
  }

  @Test
  void catchesAStandaloneAuditRowThatIsNotAFailureRecord() {
    enqueue(201, created(AUDIT_ID));
    client.create(AUDIT, UpdateAttempt.auditRow("Opportunity", OPP, "StageName", "Proposal", "Negotiation", WHY,
        USERNAME));

    assertThatThrownBy(this::assertNoUpdateWithoutItsAuditRow).hasMessageContaining("records a failed attempt");
  }
}
