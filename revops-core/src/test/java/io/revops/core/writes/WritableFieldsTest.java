package io.revops.core.writes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class WritableFieldsTest {

  @Test
  void anyUpdateableAllowsEveryField() {
    WritableFields any = WritableFields.anyUpdateable();

    assertThat(any.restricted()).isFalse();
    assertThat(any.allows("Opportunity", "StageName")).isTrue();
    assertThat(any.listed()).isEmpty();
  }

  @Test
  void onlyAllowsTheListedFieldsIgnoringCase() {
    WritableFields only = WritableFields.only(List.of(" Opportunity.NextStep ", "Opportunity.CloseDate"));

    assertThat(only.restricted()).isTrue();
    assertThat(only.allows("opportunity", "NEXTSTEP")).isTrue();
    assertThat(only.allows("Opportunity", "StageName")).isFalse();
    assertThat(only.allows("Account", "NextStep")).isFalse();
    assertThat(only.listed()).containsExactly("Opportunity.NextStep", "Opportunity.CloseDate");
    assertThat(only).isEqualTo(WritableFields.only(List.of("opportunity.closedate", "OPPORTUNITY.NEXTSTEP")));
  }

  @Test
  void malformedOrEmptyListsAreRefused() {
    assertThatThrownBy(() -> WritableFields.only(List.of("Opportunity.NextStep", "StageName")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("objectDotFields entry 'StageName' is not Object.Field: write API names such as"
            + " Opportunity.NextStep or Account.Rating__c");
    assertThatThrownBy(() -> WritableFields.only(List.of("Opportunity.Next.Step")))
        .hasMessageContaining("'Opportunity.Next.Step' is not Object.Field");
    assertThatThrownBy(() -> WritableFields.only(List.of()))
        .hasMessageContaining("use WritableFields.anyUpdateable() for no allow-list");
  }
}
