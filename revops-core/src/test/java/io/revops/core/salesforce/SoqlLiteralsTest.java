package io.revops.core.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.revops.salesforce.SalesforceId;
import io.revops.salesforce.soql.SoqlGuard;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class SoqlLiteralsTest {

  @Test
  void stringsAreEscapedSoTheGuardSeesOneLiteral() {
    String literal = SoqlLiterals.string("O'Brien \\ ' OR Name != '");
    String soql = "SELECT Id FROM Account WHERE Name = " + literal + " LIMIT 10";

    assertThat(literal).isEqualTo("'O\\'Brien \\\\ \\' OR Name != \\''");
    assertThat(SoqlGuard.defaults().check(soql).soql()).isEqualTo(soql);
  }

  @Test
  void datesAndDateTimesUseTheUnquotedForms() {
    assertThat(SoqlLiterals.date(LocalDate.of(2026, 5, 1))).isEqualTo("2026-05-01");
    assertThat(SoqlLiterals.dateTime(Instant.parse("2026-05-01T12:34:56.789Z"))).isEqualTo("2026-05-01T12:34:56Z");
  }

  @Test
  void idsAreQuotedInTheir18CharacterForm() {
    SalesforceId id = SalesforceId.of("001M000000qfPyS");

    assertThat(SoqlLiterals.idList(List.of(id))).isEqualTo("('001M000000qfPySIAU')");
    assertThatThrownBy(() -> SoqlLiterals.idList(List.of())).isInstanceOf(IllegalArgumentException.class);
  }
}
