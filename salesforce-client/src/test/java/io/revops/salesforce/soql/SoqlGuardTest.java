package io.revops.salesforce.soql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class SoqlGuardTest {
  private static final SoqlGuard DEFAULTS = SoqlGuard.defaults();
  private static final SoqlGuard ENFORCED =
      SoqlGuard.builder().securityClause(SecurityClause.SECURITY_ENFORCED).build();
  private static final SoqlGuard USER_MODE =
      SoqlGuard.builder().securityClause(SecurityClause.USER_MODE).build();

  private static SoqlRejectedException rejection(SoqlGuard guard, String soql) {
    SoqlRejectedException e = catchThrowableOfType(SoqlRejectedException.class, () -> guard.check(soql));
    assertThat(e).as("expected the guard to reject: %s", soql).isNotNull();
    return e;
  }

  @Nested
  class LimitRewrites {
    static Stream<Arguments> cases() {
      return Stream.of(
          Arguments.of("SELECT Id FROM Account", "SELECT Id FROM Account LIMIT 200"),
          Arguments.of("SELECT Id FROM Account WHERE Name = 'x'", "SELECT Id FROM Account WHERE Name = 'x' LIMIT 200"),
          Arguments.of("SELECT Id FROM Account LIMIT 500", "SELECT Id FROM Account LIMIT 200"),
          Arguments.of("SELECT Id FROM Account LIMIT 201", "SELECT Id FROM Account LIMIT 200"),
          Arguments.of("SELECT Id FROM Account LIMIT 2147483648", "SELECT Id FROM Account LIMIT 200"),
          Arguments.of("SELECT Id FROM Account LIMIT 99999999999999999999999", "SELECT Id FROM Account LIMIT 200"),
          Arguments.of("SELECT Id FROM Account limit 500 offset 4", "SELECT Id FROM Account LIMIT 200 offset 4"),
          Arguments.of("SELECT Id FROM Account LIMIT 200", "SELECT Id FROM Account LIMIT 200"),
          Arguments.of("SELECT Id FROM Account LIMIT 10", "SELECT Id FROM Account LIMIT 10"),
          Arguments.of("SELECT Id FROM Account LIMIT 0", "SELECT Id FROM Account LIMIT 0"),
          Arguments.of("SELECT Id FROM Account ORDER BY Name OFFSET 10",
              "SELECT Id FROM Account ORDER BY Name LIMIT 200 OFFSET 10"),
          Arguments.of("SELECT Id FROM Account OFFSET 10", "SELECT Id FROM Account LIMIT 200 OFFSET 10"),
          Arguments.of("SELECT Id FROM Account WHERE Name = 'x'\nORDER BY Name\n",
              "SELECT Id FROM Account WHERE Name = 'x'\nORDER BY Name LIMIT 200\n"),
          Arguments.of("SELECT Id FROM Account USING SCOPE mine", "SELECT Id FROM Account USING SCOPE mine LIMIT 200"),
          Arguments.of("SELECT Id FROM Account WITH USER_MODE", "SELECT Id FROM Account WITH USER_MODE LIMIT 200"),
          // Aggregates without GROUP BY return one row: no LIMIT added.
          Arguments.of("SELECT COUNT() FROM Lead", "SELECT COUNT() FROM Lead"),
          Arguments.of("SELECT MAX(CreatedDate) FROM Account", "SELECT MAX(CreatedDate) FROM Account"),
          Arguments.of("SELECT FORMAT(MIN(Amount)) m FROM Opportunity", "SELECT FORMAT(MIN(Amount)) m FROM Opportunity"),
          Arguments.of("SELECT COUNT(Id) total FROM Account WHERE Industry = 'Tech'",
              "SELECT COUNT(Id) total FROM Account WHERE Industry = 'Tech'"),
          // COUNT() keeps the caller's LIMIT: it caps the count.
          Arguments.of("SELECT COUNT() FROM Lead LIMIT 5000", "SELECT COUNT() FROM Lead LIMIT 5000"),
          // Aggregates with GROUP BY are bounded as usual.
          Arguments.of("SELECT StageName, COUNT(Id) FROM Opportunity GROUP BY StageName",
              "SELECT StageName, COUNT(Id) FROM Opportunity GROUP BY StageName LIMIT 200"),
          Arguments.of("SELECT StageName, SUM(Amount) FROM Opportunity GROUP BY StageName HAVING SUM(Amount) > 0 LIMIT 1000",
              "SELECT StageName, SUM(Amount) FROM Opportunity GROUP BY StageName HAVING SUM(Amount) > 0 LIMIT 200"),
          // Subquery LIMITs are untouched; only the top level gets one.
          Arguments.of("SELECT Name, (SELECT Id FROM Contacts LIMIT 500) FROM Account",
              "SELECT Name, (SELECT Id FROM Contacts LIMIT 500) FROM Account LIMIT 200"),
          Arguments.of("SELECT Name, (SELECT Id FROM Contacts) FROM Account LIMIT 7",
              "SELECT Name, (SELECT Id FROM Contacts) FROM Account LIMIT 7"),
          Arguments.of("SELECT Id FROM Account WHERE Id IN (SELECT AccountId FROM Contact)",
              "SELECT Id FROM Account WHERE Id IN (SELECT AccountId FROM Contact) LIMIT 200"),
          // A LIMIT inside a literal is text, not a clause.
          Arguments.of("SELECT Id FROM Account WHERE Name = 'LIMIT 5 FOR UPDATE'",
              "SELECT Id FROM Account WHERE Name = 'LIMIT 5 FOR UPDATE' LIMIT 200"),
          Arguments.of("SELECT Id, Limit__c FROM Limit__c WHERE Limit__c > 5",
              "SELECT Id, Limit__c FROM Limit__c WHERE Limit__c > 5 LIMIT 200"));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void rewritesTopLevelLimit(String soql, String expected) {
      assertThat(DEFAULTS.check(soql).soql()).isEqualTo(expected);
    }

    @Test
    void usesTheConfiguredMaximum() {
      SoqlGuard guard = SoqlGuard.builder().maxLimit(5).build();
      assertThat(guard.check("SELECT Id FROM Account").soql()).isEqualTo("SELECT Id FROM Account LIMIT 5");
      assertThat(guard.check("SELECT Id FROM Account LIMIT 6").soql()).isEqualTo("SELECT Id FROM Account LIMIT 5");
      assertThat(guard.check("SELECT Id FROM Account LIMIT 4").soql()).isEqualTo("SELECT Id FROM Account LIMIT 4");
    }

    @Test
    void fieldsAllAndCustomStayAtOrBelow200EvenWithALargerMaximum() {
      SoqlGuard guard = SoqlGuard.builder().maxLimit(2000).build();
      assertThat(guard.check("SELECT FIELDS(ALL) FROM Account").soql()).isEqualTo("SELECT FIELDS(ALL) FROM Account LIMIT 200");
      assertThat(guard.check("SELECT FIELDS(CUSTOM) FROM Account LIMIT 500").soql())
          .isEqualTo("SELECT FIELDS(CUSTOM) FROM Account LIMIT 200");
      assertThat(guard.check("SELECT FIELDS(STANDARD) FROM Account").soql())
          .isEqualTo("SELECT FIELDS(STANDARD) FROM Account LIMIT 2000");
    }

    @Test
    void rejectsLimitOnAnAggregateWithoutGroupBy() {
      SoqlRejectedException e = rejection(DEFAULTS, "SELECT MAX(Amount) FROM Opportunity LIMIT 5");
      assertThat(e.position()).isEqualTo(36);
      assertThat(e).hasMessageContaining("LIMIT is not allowed on an aggregate query without GROUP BY");
    }

    @Test
    void theGuardedQueryCarriesTheTreeOfTheRewrite() {
      GuardedQuery q = DEFAULTS.check("SELECT Id FROM Account LIMIT 500");
      assertThat(q.tree().limit()).hasValue(java.math.BigInteger.valueOf(200));
      assertThat(q.tree().span().end()).isEqualTo(q.soql().length());
    }
  }

  @Nested
  class SecurityClauseRewrites {
    static Stream<Arguments> cases() {
      return Stream.of(
          Arguments.of(ENFORCED, "SELECT Id FROM Account", "SELECT Id FROM Account WITH SECURITY_ENFORCED LIMIT 200"),
          Arguments.of(USER_MODE, "SELECT Id FROM Account", "SELECT Id FROM Account WITH USER_MODE LIMIT 200"),
          Arguments.of(ENFORCED, "SELECT Id FROM Account WHERE Name = 'x' ORDER BY Name OFFSET 10",
              "SELECT Id FROM Account WHERE Name = 'x' WITH SECURITY_ENFORCED ORDER BY Name LIMIT 200 OFFSET 10"),
          Arguments.of(ENFORCED, "SELECT Id FROM Account USING SCOPE mine WHERE Name = 'x'",
              "SELECT Id FROM Account USING SCOPE mine WHERE Name = 'x' WITH SECURITY_ENFORCED LIMIT 200"),
          Arguments.of(USER_MODE, "SELECT Id FROM Account USING SCOPE mine ORDER BY Name",
              "SELECT Id FROM Account USING SCOPE mine WITH USER_MODE ORDER BY Name LIMIT 200"),
          Arguments.of(USER_MODE,
              "SELECT Title FROM KnowledgeArticleVersion WHERE PublishStatus = 'online' WITH DATA CATEGORY Geography__c AT usa__c ORDER BY Title",
              "SELECT Title FROM KnowledgeArticleVersion WHERE PublishStatus = 'online' WITH DATA CATEGORY Geography__c AT usa__c WITH USER_MODE ORDER BY Title LIMIT 200"),
          Arguments.of(USER_MODE,
              "SELECT Industry, COUNT(Id) c FROM Account WHERE Name != null GROUP BY ROLLUP(Industry) HAVING COUNT(Id) > 1 ORDER BY Industry NULLS LAST",
              "SELECT Industry, COUNT(Id) c FROM Account WHERE Name != null WITH USER_MODE GROUP BY ROLLUP(Industry) HAVING COUNT(Id) > 1 ORDER BY Industry NULLS LAST LIMIT 200"),
          Arguments.of(ENFORCED, "SELECT Name, (SELECT Id FROM Contacts WHERE Email != null) FROM Account",
              "SELECT Name, (SELECT Id FROM Contacts WHERE Email != null) FROM Account WITH SECURITY_ENFORCED LIMIT 200"),
          Arguments.of(ENFORCED, "SELECT Id FROM Account WHERE Id IN (SELECT AccountId FROM Contact WHERE Email != null)",
              "SELECT Id FROM Account WHERE Id IN (SELECT AccountId FROM Contact WHERE Email != null) WITH SECURITY_ENFORCED LIMIT 200"),
          Arguments.of(ENFORCED, "SELECT COUNT() FROM Lead", "SELECT COUNT() FROM Lead WITH SECURITY_ENFORCED"),
          Arguments.of(ENFORCED, "SELECT Id FROM Account LIMIT 10", "SELECT Id FROM Account WITH SECURITY_ENFORCED LIMIT 10"),
          // The same clause already present is kept, not doubled.
          Arguments.of(USER_MODE, "SELECT Id FROM Account WITH USER_MODE ORDER BY Name",
              "SELECT Id FROM Account WITH USER_MODE ORDER BY Name LIMIT 200"),
          Arguments.of(ENFORCED, "SELECT Id FROM Account WHERE Name = 'x' with security_enforced",
              "SELECT Id FROM Account WHERE Name = 'x' with security_enforced LIMIT 200"),
          // With NONE, a clause the caller wrote is kept as is.
          Arguments.of(DEFAULTS, "SELECT Id FROM Account WITH SECURITY_ENFORCED",
              "SELECT Id FROM Account WITH SECURITY_ENFORCED LIMIT 200"));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void insertsTheClauseAtTopLevelInTheRightPlace(SoqlGuard guard, String soql, String expected) {
      assertThat(guard.check(soql).soql()).isEqualTo(expected);
    }

    @Test
    void rejectsADifferentAccessMode() {
      SoqlRejectedException e = rejection(USER_MODE, "SELECT Id FROM Account WITH SECURITY_ENFORCED");
      assertThat(e.position()).isEqualTo(23);
      assertThat(e).hasMessageContaining("WITH SECURITY_ENFORCED is not allowed: this guard enforces WITH USER_MODE");
      assertThat(rejection(ENFORCED, "SELECT Id FROM Account WITH USER_MODE").position()).isEqualTo(23);
    }

    @ParameterizedTest
    @MethodSource("io.revops.salesforce.soql.SoqlGuardTest#allGuards")
    void rejectsSystemModeWhateverTheConfiguration(SoqlGuard guard) {
      SoqlRejectedException e = rejection(guard, "SELECT Id FROM Account WITH SYSTEM_MODE");
      assertThat(e).hasMessage(
          "WITH SYSTEM_MODE is not allowed: queries run with the calling user's permissions (position 23)");
    }

    @ParameterizedTest
    @MethodSource("io.revops.salesforce.soql.SoqlGuardTest#allGuards")
    void rejectsAnAccessModeInsideASubquery(SoqlGuard guard) {
      SoqlRejectedException e = rejection(guard,
          "SELECT Name, (SELECT Id FROM Contacts WITH SECURITY_ENFORCED) FROM Account");
      assertThat(e.position()).isEqualTo(38);
      assertThat(e).hasMessageContaining("inside a subquery");
      assertThat(rejection(guard,
          "SELECT Id FROM Account WHERE Id IN (SELECT AccountId FROM Contact WITH USER_MODE)").position())
          .isEqualTo(66);
    }

    @Test
    void rejectsTwoAccessModes() {
      SoqlRejectedException e = rejection(DEFAULTS, "SELECT Id FROM Account WITH SECURITY_ENFORCED WITH USER_MODE");
      assertThat(e.position()).isEqualTo(46);
      assertThat(e).hasMessageContaining("second access-mode clause");
    }

    @Test
    void rejectsDataCategoryAfterTheAccessMode() {
      SoqlRejectedException e = rejection(DEFAULTS,
          "SELECT Title FROM KnowledgeArticleVersion WITH USER_MODE WITH DATA CATEGORY Geography__c AT usa__c");
      assertThat(e.position()).isEqualTo(57);
    }
  }

  static Stream<SoqlGuard> allGuards() {
    return Stream.of(DEFAULTS, ENFORCED, USER_MODE);
  }

  @Nested
  class Rejections {
    static Stream<Arguments> cases() {
      return Stream.of(
          // Other statements.
          Arguments.of("DELETE FROM Account", 0, "DELETE is not allowed"),
          Arguments.of("delete from Account where Id != null", 0, "DELETE is not allowed"),
          Arguments.of("UPDATE Account SET Name = 'x'", 0, "UPDATE is not allowed"),
          Arguments.of("INSERT INTO Account (Name) VALUES ('x')", 0, "INSERT is not allowed"),
          Arguments.of("FIND {Acme} RETURNING Account", 0, "FIND is SOSL"),
          Arguments.of("EXPLAIN SELECT Id FROM Account", 0, "must start with SELECT"),
          Arguments.of("(SELECT Id FROM Account)", 0, "must start with SELECT"),
          Arguments.of("", 0, "the query is empty"),
          Arguments.of("  \n ", 4, "the query is empty"),
          // Semicolons and second statements.
          Arguments.of("SELECT Id FROM Account;", 22, "';' is not allowed"),
          Arguments.of("SELECT Id FROM Account; DELETE FROM Account", 22, "';' is not allowed"),
          Arguments.of("SELECT Id FROM Account WHERE Name = 'x'; SELECT Id FROM Contact", 39, "';' is not allowed"),
          Arguments.of("SELECT Id FROM Account SELECT Id FROM Contact", 23, "a second statement"),
          // Comments.
          Arguments.of("SELECT Id FROM Account -- WITH SECURITY_ENFORCED", 23, "comment '--'"),
          Arguments.of("SELECT Id FROM Account // x", 23, "comment '//'"),
          Arguments.of("SELECT Id FROM Account /* WITH SECURITY_ENFORCED */", 23, "comment '/*'"),
          Arguments.of("SELECT Id /**/ FROM Account", 10, "comment '/*'"),
          // Bind variables.
          Arguments.of("SELECT Id FROM Account WHERE Name = :name", 36, "bind variables are not allowed"),
          Arguments.of("SELECT Id FROM Account WHERE Id IN :ids", 35, "expected '(' after IN"),
          Arguments.of("SELECT Id FROM Account LIMIT :n", 29, "bind variables are not allowed"),
          // Write and locking clauses.
          Arguments.of("SELECT Id FROM Account FOR UPDATE", 23, "FOR UPDATE is not allowed"),
          Arguments.of("SELECT Id FROM Account ORDER BY Name FOR UPDATE", 37, "FOR UPDATE is not allowed"),
          Arguments.of("SELECT Id FROM Account LIMIT 5 for update", 31, "FOR UPDATE is not allowed"),
          Arguments.of("SELECT Id FROM Account FOR VIEW", 23, "FOR VIEW is not allowed"),
          Arguments.of("SELECT Id FROM Account FOR REFERENCE", 23, "FOR REFERENCE is not allowed"),
          Arguments.of("SELECT Id FROM Account UPDATE TRACKING", 23, "UPDATE TRACKING is not allowed"),
          Arguments.of("SELECT Id FROM Account UPDATE VIEWSTAT", 23, "UPDATE VIEWSTAT is not allowed"),
          Arguments.of("SELECT Id FROM Account UPDATE TRACKING, VIEWSTAT", 23, "UPDATE TRACKING is not allowed"),
          Arguments.of("SELECT Id FROM Account ALL ROWS", 23, "ALL ROWS is not allowed"),
          Arguments.of("SELECT Id FROM Account WHERE IsDeleted = true ALL ROWS", 46, "ALL ROWS is not allowed"),
          Arguments.of("SELECT Id FROM Account SET OPTIONS (x = 'y')", 23, "SET OPTIONS is not supported"),
          Arguments.of("SELECT Id FROM Account BIND x = 'y'", 23, "BIND is not supported"),
          Arguments.of("SELECT Name, (SELECT Id FROM Contacts FOR UPDATE) FROM Account", 38, "FOR UPDATE is not allowed"),
          // WITH clauses the guard does not model.
          Arguments.of("SELECT Id FROM Account WITH Name = 'x'", 23, "WITH Name is not supported"),
          Arguments.of("SELECT Id FROM Account LIMIT 10 WITH SECURITY_ENFORCED", 32, "WITH must come right after FROM/WHERE"),
          // Strings and characters.
          Arguments.of("SELECT Id FROM Account WHERE Name = \"x\"", 36, "double quotes are not allowed"),
          Arguments.of("SELECT Id FROM Account WHERE Name = 'abc", 36, "not terminated"),
          Arguments.of("SELECT Id FROM Account WHERE Name = 'a\\'", 36, "not terminated"),
          Arguments.of("SELECT Id FROM Account WHERE Name = 'bad \\x escape'", 41, "invalid escape '\\x'"),
          Arguments.of("SELECT Id FROM Account WHERE Name = 'a\\f'", 38, "invalid escape '\\f'"),
          Arguments.of("SELECT Id FROM Account WHERE Name = 'a\\u00g1'", 38, "four hex digits"),
          Arguments.of("SELECT Id FROM Account WHERE Name = 'a\\%'", 38, "only valid in a LIKE pattern"),
          Arguments.of("SELECT Id FROM Account WHERE Name IN ('a', 'b\\_')", 45, "only valid in a LIKE pattern"),
          Arguments.of("SELECT Id FROM Account WHERE Name = 'a\nb'", 38, "U+000A inside a string literal"),
          Arguments.of("SELECT Id FROM Account WHERE Name = 'a\tb'", 38, "U+0009 inside a string literal"),
          Arguments.of("SELECT Id FROM Account\u00a0WHERE Name = 'x'", 22, "character U+00A0 is not allowed outside a string literal"),
          Arguments.of("SELECT Id FROM Account\u200b", 22, "character U+200B"),
          Arguments.of("SELECT Id FROM Accountë", 22, "character U+00EB"),
          Arguments.of("SELECT Id FROM Account\u0000", 22, "character U+0000"),
          Arguments.of("SELECT Id FROM Account WHERE Name = 'x' {", 40, "character '{'"),
          // LIMIT and OFFSET.
          Arguments.of("SELECT Id FROM Account LIMIT 00200", 29, "LIMIT 00200 has leading zeros: write LIMIT 200"),
          Arguments.of("SELECT Id FROM Account LIMIT 200 LIMIT 5", 33, "LIMIT appears twice"),
          Arguments.of("SELECT Id FROM Account LIMIT 1.5", 29, "LIMIT needs a whole number"),
          Arguments.of("SELECT Id FROM Account LIMIT -10", 29, "LIMIT needs a whole number"),
          Arguments.of("SELECT Id FROM Account LIMIT", 28, "LIMIT needs a whole number"),
          Arguments.of("SELECT Id FROM Account OFFSET 2001", 23, "OFFSET 2001 is too large"),
          Arguments.of("SELECT Id FROM Account OFFSET 5 LIMIT 5", 32, "LIMIT must come before OFFSET"),
          Arguments.of("SELECT Id FROM Account OFFSET 5 OFFSET 5", 32, "OFFSET appears twice"),
          // Conditions.
          Arguments.of("SELECT Id FROM Account WHERE Name = 'a' AND Industry = 'b' OR Type = 'c'", 59, "mixing AND and OR needs parentheses"),
          Arguments.of("SELECT Id FROM Account WHERE Name = 'a' OR Industry = 'b' AND Type = 'c'", 58, "mixing AND and OR"),
          Arguments.of("SELECT Id FROM Account WHERE NOT Name = 'a' AND Industry = 'b'", 29, "NOT must cover the whole condition"),
          Arguments.of("SELECT Id FROM Account WHERE Name = 'a' AND NOT Industry = 'b'", 44, "NOT after AND needs parentheses"),
          Arguments.of("SELECT Id FROM Account WHERE", 28, "the query ends after WHERE"),
          Arguments.of("SELECT Id FROM Account WHERE Name", 33, "expected a comparison operator"),
          Arguments.of("SELECT Id FROM Account WHERE Name = Industry", 36, "'Industry' is not a value"),
          Arguments.of("SELECT Id FROM Account WHERE Name IN ()", 38, "expected a value"),
          Arguments.of("SELECT Id FROM Account WHERE Name LIKE Industry", 39, "LIKE needs a quoted pattern"),
          Arguments.of("SELECT Id FROM Account WHERE (Name = 'a'", 40, "expected ')'"),
          // Literals.
          Arguments.of("SELECT Id FROM Account WHERE Amount > 1e5", 38, "malformed number '1e5'"),
          Arguments.of("SELECT Id FROM Account WHERE CloseDate > 2026-13-01", 41, "'2026-13-01' is not a valid date"),
          Arguments.of("SELECT Id FROM Account WHERE CloseDate > 2026-5-1", 41, "malformed date"),
          Arguments.of("SELECT Id FROM Account WHERE CreatedDate > 2026-05-01T00:00:00", 43, "needs a time zone"),
          Arguments.of("SELECT Id FROM Account WHERE CreatedDate > 2026-05-01T25:00:00Z", 43, "not a valid datetime"),
          Arguments.of("SELECT Id FROM Account WHERE CreatedDate = LAST_N_DAYS", 43, "LAST_N_DAYS needs a number"),
          Arguments.of("SELECT Id FROM Account WHERE CreatedDate = LAST_N_DAYS:-5", 55, "non-negative whole number"),
          Arguments.of("SELECT Id FROM Account WHERE CreatedDate = LAST_N_DAYS:1.5", 55, "non-negative whole number"),
          // SELECT list and FROM.
          Arguments.of("SELECT FROM Account", 7, "expected a field before FROM"),
          Arguments.of("SELECT Id, FROM Account", 11, "expected a field before FROM"),
          Arguments.of("SELECT Id Account", 17, "expected FROM"),
          Arguments.of("SELECT Id FROM", 14, "expected an object name after FROM"),
          Arguments.of("SELECT COUNT() c FROM Lead", 7, "COUNT() cannot take an alias"),
          Arguments.of("SELECT Name, (SELECT Id FROM Contacts FROM Account", 38, "expected ')' to close a child relationship subquery"),
          Arguments.of("SELECT TYPEOF What END FROM Event", 19, "TYPEOF needs at least one WHEN"),
          Arguments.of("SELECT Id FROM Account ORDER BY Name NULLS", 42, "expected FIRST or LAST"),
          Arguments.of("SELECT Id FROM Account GROUP BY Name WHERE Name = 'x'", 37, "WHERE is out of place"),
          Arguments.of("SELECT Id FROM Account junk junk", 28, "unexpected 'junk' after the end of the query"),
          // Reserved words are never names.
          Arguments.of("SELECT SELECT Id FROM Account", 7, "found the reserved word SELECT"),
          Arguments.of("SELECT Id FROM DESC Account", 15, "found the reserved word DESC"),
          Arguments.of("SELECT Id FROM Account ROLLUP WHERE Name = 'x'", 23, "unexpected 'ROLLUP'"),
          Arguments.of("SELECT Id, Name BY FROM Account", 16, "expected FROM"),
          Arguments.of("SELECT HAVING(Id) FROM Account", 7, "found the reserved word HAVING"),
          Arguments.of("SELECT Id FROM Task USING SCOPE scope", 32, "found the keyword SCOPE"),
          Arguments.of("SELECT Account . Name FROM Contact", 15, "without spaces around '.'"),
          // Functions.
          Arguments.of("SELECT COUNT(Id, Name) FROM Account", 15, "COUNT takes a single field"),
          Arguments.of("SELECT SUM() FROM Opportunity", 7, "SUM() needs a field"),
          Arguments.of("SELECT Name, COUNT() FROM Account", 13, "COUNT() must be the only item"),
          Arguments.of("SELECT Id FROM Account GROUP BY Id HAVING COUNT() > 1", 42, "COUNT() needs a field"),
          Arguments.of("SELECT GEOLOCATION(1, 2) FROM Warehouse__c", 7, "only valid as the second argument of DISTANCE"),
          Arguments.of("SELECT DISTANCE(GEOLOCATION(1, 2), Loc__c, 'mi') FROM Warehouse__c", 16, "DISTANCE takes the location field first"),
          Arguments.of("SELECT DISTANCE(Loc__c, GEOLOCATION(1, 2), 'm') FROM Warehouse__c", 43, "the unit 'mi' or 'km'"),
          // Semi-joins select one field and take no GROUP BY, ORDER BY, LIMIT or OFFSET.
          Arguments.of("SELECT Id FROM Account WHERE Id IN (SELECT AccountId, Name FROM Contact)", 52, "exactly one field"),
          Arguments.of("SELECT Id FROM Account WHERE Id IN (SELECT AccountId a FROM Contact)", 53, "without an alias"),
          Arguments.of("SELECT Id FROM Account WHERE Id IN (SELECT AccountId FROM Contact LIMIT 5)", 66, "remove LIMIT"),
          Arguments.of("SELECT Id FROM Account WHERE Id IN (SELECT AccountId FROM Contact ORDER BY Name)", 66, "remove ORDER"),
          Arguments.of("SELECT Id FROM Account WHERE Id IN (SELECT TYPEOF What WHEN Account THEN Id END FROM Task)", 43, "exactly one field"),
          Arguments.of("SELECT Id FROM Account WHERE Name INCLUDES (SELECT Id FROM Contact)", 44, "'SELECT' is not a value"));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void rejectsWithPositionAndReason(String soql, int position, String reason) {
      SoqlRejectedException e = rejection(DEFAULTS, soql);
      assertThat(e.getMessage()).contains(reason).endsWith("(position " + position + ")");
      assertThat(e.position()).isEqualTo(position);
      assertThat(e.reason() + " (position " + position + ")").isEqualTo(e.getMessage());
    }

    @Test
    void namesForUpdateExactly() {
      assertThat(rejection(DEFAULTS, "SELECT Id, Name FROM Opportunity WHERE Amount > 5 FOR UPDATE"))
          .hasMessage("FOR UPDATE is not allowed: only read-only queries run here (position 50)");
    }

    @Test
    void isARuntimeException() {
      assertThat(rejection(DEFAULTS, "DELETE FROM Account")).isInstanceOf(RuntimeException.class);
    }
  }

  @Nested
  class TrickyInputsAccepted {
    @ParameterizedTest
    @ValueSource(strings = {
        "SELECT Id FROM Account WHERE Name = 'x; DELETE FROM Account'",
        "SELECT Id FROM Account WHERE Name = 'LIMIT 5 FOR UPDATE'",
        "SELECT Id, Where__c FROM Account WHERE Where__c = 'FROM'",
        "SELECT Id FROM Account WHERE Name = 'it\\'s'",
        "SELECT Id FROM Account WHERE Name = 'a\\\\' OR Name != ''",
        "SELECT Id FROM Account WHERE Name = 'a\\' OR Name != '",
        "SELECT Id FROM Account WHERE Name = 'a\\u0027 OR Id != null'",
        "SELECT Id FROM Account WHERE Name LIKE 'a\\%b\\_c%'",
        "SELECT Id FROM Account WHERE Name = '/* -- ; \" : { }'",
        "SELECT Id FROM Account WHERE Name = 'Zürich 日本 \u00a0'",
        "SELECT Delete__c, Update_Status__c FROM Limit__c",
        "SELECT Id FROM Group WHERE Type = 'Queue'",
        "SELECT Id, OrderNumber FROM Order ORDER BY OrderNumber",
        "SELECT Id FROM Account WHERE Id IN (SELECT AccountId FROM Contact WHERE LastName IN (SELECT LastName FROM Lead))",
        "SELECT TYPEOF What WHEN Account THEN Phone WHEN Opportunity THEN Amount ELSE Name END FROM Event",
        "SELECT Id FROM Opportunity WHERE CreatedDate > 2026-05-01T00:00:00.123+05:30",
        "SELECT Id FROM Account LIMIT 0",
        "SELECT Id FROM Opportunity WHERE CloseDate = LAST_N_DAYS : 30",
        "select id from account where name = 'x' order by name desc nulls last limit 5",
        "SELECT Id\r\nFROM Account\r\nWHERE Name = 'x'",
        "SELECT Id FROM LoginHistory WHERE LoginTime > 2026-04-05T10:41:42.000+0000",
        "SELECT Id FROM Account WHERE Order.Name = 'x' ORDER BY Group__c",
        "SELECT Name, DISTANCE(Loc__c, GEOLOCATION(-37.5, +122), 'km') d FROM Warehouse__c",
        "SELECT FORMAT(MIN(Amount)), convertCurrency(SUM(Amount)) FROM Opportunity",
        "SELECT Id FROM Task USING SCOPE mine_and_my_groups",
    })
    void accepts(String soql) {
      GuardedQuery q = DEFAULTS.check(soql);
      assertThat(q.soql()).startsWith(soql);
    }

    @Test
    void aSemicolonOrCommentInsideALiteralStaysInsideIt() {
      String soql = "SELECT Id FROM Account WHERE Name = 'x; DELETE FROM Account' OR Name = '--'";
      assertThat(DEFAULTS.check(soql).soql()).isEqualTo(soql + " LIMIT 200");
    }
  }

  @Nested
  class Limits {
    @Test
    void acceptsA100000CharacterQueryAndRejectsOneCharacterMore() {
      String head = "SELECT Id FROM Account";
      String tail = " LIMIT 10";
      String exactly = head + " ".repeat(100_000 - head.length() - tail.length()) + tail;
      assertThat(exactly).hasSize(100_000);
      assertThat(DEFAULTS.check(exactly).soql()).isEqualTo(exactly);

      SoqlRejectedException e = rejection(DEFAULTS, " " + exactly);
      assertThat(e.position()).isEqualTo(100_000);
      assertThat(e).hasMessageContaining("100,001 characters long; Salesforce accepts at most 100,000");
    }

    @Test
    void rejectsAQueryThatOnlyTheAddedLimitPushesOverTheCap() {
      String head = "SELECT Id FROM Account";
      String soql = head + " ".repeat(100_000 - head.length());
      assertThat(rejection(DEFAULTS, soql)).hasMessageContaining("the query with its added clauses");
    }

    @Test
    void rejectsAWhereStringLiteralOver4000Characters() {
      String ok = "SELECT Id FROM Account WHERE Name = '" + "x".repeat(4000) + "'";
      assertThat(DEFAULTS.check(ok).soql()).isEqualTo(ok + " LIMIT 200");
      SoqlRejectedException e = rejection(DEFAULTS, "SELECT Id FROM Account WHERE Name IN ('a', '" + "x".repeat(4001) + "')");
      assertThat(e.position()).isEqualTo(23);
      assertThat(e).hasMessageContaining("longer than 4,000 characters");
    }
  }

  @Nested
  class Configuration {
    @Test
    void defaultsAre200AndNoClause() {
      assertThat(DEFAULTS.maxLimit()).isEqualTo(200);
      assertThat(DEFAULTS.securityClause()).isEqualTo(SecurityClause.NONE);
      assertThat(SoqlGuard.builder().build().toString()).isEqualTo(DEFAULTS.toString());
    }

    @Test
    void rejectsBadSettings() {
      assertThatThrownBy(() -> SoqlGuard.builder().maxLimit(0))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxLimit");
      assertThatThrownBy(() -> SoqlGuard.builder().securityClause(null))
          .isInstanceOf(NullPointerException.class).hasMessageContaining("securityClause");
      assertThatThrownBy(() -> DEFAULTS.check(null))
          .isInstanceOf(NullPointerException.class).hasMessageContaining("soql");
    }

    @Test
    void aGuardedQueryIsStable() {
      GuardedQuery once = ENFORCED.check("SELECT Id FROM Account WHERE Name = 'x' ORDER BY Name LIMIT 900");
      assertThat(ENFORCED.check(once.soql())).isEqualTo(once);
    }
  }
}
