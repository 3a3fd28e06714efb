package io.revops.sandbox.internal.data;

import io.revops.sandbox.internal.salesforce.ObjectSchema;
import io.revops.sandbox.internal.salesforce.RecordWriter;
import io.revops.sandbox.internal.salesforce.Schema;
import io.revops.sandbox.internal.salesforce.Stages;
import io.revops.sandbox.internal.salesforce.Store;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Generates the sample org of a fictional company, Larkspur Systems: a sales team, accounts, contacts,
 * leads, about 300 opportunities in every stage with their stage and field history, past and future
 * events, audit rows and notes. Everything comes from one seeded {@link Random} and is placed relative
 * to {@code now}, so the same seed and day give the same org, and the data never goes stale.
 */
public final class SampleOrg {
  /** A member of the sales team (all but the integration user appear in Clari's forecast hierarchy). */
  public record TeamMember(String salesforceId, String clariId, String name, String email, Role role, String region,
      int managerIndex) {}

  /** Where a team member sits in the forecast hierarchy. */
  public enum Role { CRO, MANAGER, REP }

  static final int ACCOUNTS = 60;
  static final int OPPORTUNITIES = 300;
  /** Days before the quarter end in which some commit-stage deals are left without an upcoming meeting. */
  static final int QUIET_DAYS = 14;

  private final Random random;
  private final Instant now;
  private final LocalDate today;
  private final Schema schema;
  private final Store store;
  private final List<TeamMember> team = new ArrayList<>();
  private final List<Map<String, Object>> accounts = new ArrayList<>();
  private final Map<String, List<Map<String, Object>>> contactsByAccount = new LinkedHashMap<>();
  private String organizationId;
  private String runningUserId;

  private SampleOrg(Schema schema, Instant now, long seed) {
    this.random = new Random(seed);
    this.now = now.truncatedTo(ChronoUnit.SECONDS);
    this.today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    this.schema = schema;
    this.store = new Store(schema);
  }

  /** Builds the org for {@code seed} as of {@code now}. */
  public static SampleOrg generate(Schema schema, Instant now, long seed) {
    SampleOrg org = new SampleOrg(schema, now, seed);
    SetupMetadata.seed(schema, org.store);
    org.organization();
    org.users();
    org.accountsAndContacts();
    org.leads();
    org.opportunities();
    org.accountEvents();
    org.quietAccounts();
    org.lastActivityDates();
    org.audits();
    org.notes();
    return org;
  }

  public Store store() {
    return store;
  }

  public String organizationId() {
    return organizationId;
  }

  /** The integration user every sandbox session runs as. */
  public String runningUserId() {
    return runningUserId;
  }

  /** The sales team: the CRO first, then two managers, then their reps. */
  public List<TeamMember> team() {
    return Collections.unmodifiableList(team);
  }

  public LocalDate today() {
    return today;
  }

  // ---------------------------------------------------------------- org and people

  private Map<String, Object> insert(String object, Map<String, Object> values) {
    ObjectSchema schemaObject = schema.object(object).orElseThrow();
    values.put("Id", store.newId(schemaObject));
    return store.insert(schemaObject, values);
  }

  private void organization() {
    Map<String, Object> org = new LinkedHashMap<>();
    org.put("Name", Names.COMPANY + " (sample data)");
    org.put("DefaultCurrencyIsoCode", "USD");
    org.put("DefaultLocaleSidKey", "en_US");
    org.put("LanguageLocaleKey", "en_US");
    org.put("TimeZoneSidKey", "GMT");
    org.put("FiscalYearStartMonth", 1);
    org.put("OrganizationType", "Enterprise Edition");
    org.put("IsSandbox", true);
    org.put("CreatedDate", now.minus(Duration.ofDays(900)));
    org.put("SystemModstamp", now.minus(Duration.ofDays(2)));
    organizationId = (String) insert("Organization", org).get("Id");
  }

  private void users() {
    runningUserId = user("RevOps", "Integration", "Integration User", "Revenue Operations", null);
    addMember("Dana", "Whitfield", "Chief Revenue Officer", Role.CRO, "Global", -1);
    addMember("Marcus", "Bell", "Regional Sales Director, East", Role.MANAGER, "East", 0);
    addMember("Priya", "Raman", "Regional Sales Director, West", Role.MANAGER, "West", 0);
    addMember("Jordan", "Reyes", "Account Executive", Role.REP, "East", 1);
    addMember("Alicia", "Moreno", "Account Executive", Role.REP, "East", 1);
    addMember("Ben", "Carter", "Account Executive", Role.REP, "East", 1);
    addMember("Sofia", "Lindgren", "Account Executive", Role.REP, "East", 1);
    addMember("Ethan", "Park", "Account Executive", Role.REP, "West", 2);
    addMember("Grace", "Okoye", "Account Executive", Role.REP, "West", 2);
    addMember("Liam", "Novak", "Account Executive", Role.REP, "West", 2);
    addMember("Mia", "Tanaka", "Account Executive", Role.REP, "West", 2);
  }

  private void addMember(String first, String last, String title, Role role, String region, int managerIndex) {
    String managerId = managerIndex < 0 ? null : team.get(managerIndex).salesforceId();
    String id = user(first, last, title, "Sales", managerId);
    String clariId = Integer.toString(1901 + team.size());
    team.add(new TeamMember(id, clariId, first + " " + last, email(first, last), role, region, managerIndex));
  }

  private String user(String first, String last, String title, String department, String managerId) {
    Map<String, Object> u = new LinkedHashMap<>();
    u.put("Username", email(first, last));
    u.put("Name", first + " " + last);
    u.put("FirstName", first);
    u.put("LastName", last);
    u.put("Email", email(first, last));
    u.put("Title", title);
    u.put("Department", department);
    u.put("IsActive", true);
    u.put("ManagerId", managerId);
    u.put("TimeZoneSidKey", "GMT");
    u.put("CreatedDate", now.minus(Duration.ofDays(400 + random.nextInt(300))));
    u.put("LastModifiedDate", now.minus(Duration.ofDays(1 + random.nextInt(60))));
    u.put("SystemModstamp", u.get("LastModifiedDate"));
    return (String) insert("User", u).get("Id");
  }

  private static String email(String first, String last) {
    return (first + "." + last).toLowerCase(Locale.ROOT) + "@" + Names.DOMAIN;
  }

  private List<TeamMember> reps(String region) {
    return team.stream().filter(m -> m.role() == Role.REP && m.region().equals(region)).toList();
  }

  // ---------------------------------------------------------------- accounts, contacts, leads

  private void accountsAndContacts() {
    List<String[]> names = new ArrayList<>();
    for (String stem : Names.ACCOUNT_STEMS) {
      for (List<String> kind : Names.ACCOUNT_KINDS) {
        names.add(new String[] {stem + " " + kind.get(0), kind.get(1)});
      }
    }
    Collections.shuffle(names, random);
    for (int i = 0; i < ACCOUNTS; i++) {
      String region = i % 2 == 0 ? "East" : "West";
      int place = random.nextInt(Names.EAST_STATES.size());
      Map<String, Object> a = new LinkedHashMap<>();
      String name = names.get(i)[0];
      a.put("Name", name);
      a.put("Type", i < 42 ? "Customer" : pick(List.of("Prospect", "Prospect", "Partner", "Other")));
      a.put("Industry", names.get(i)[1]);
      a.put("BillingCity", (region.equals("East") ? Names.CITIES_EAST : Names.CITIES_WEST).get(place));
      a.put("BillingState", (region.equals("East") ? Names.EAST_STATES : Names.WEST_STATES).get(place));
      a.put("BillingCountry", "United States");
      a.put("Website", "https://www." + slug(name) + ".example");
      a.put("Phone", String.format("+1 555 %03d %04d", 100 + random.nextInt(900), random.nextInt(10000)));
      a.put("AnnualRevenue", BigDecimal.valueOf(5_000_000L + 1_000_000L * random.nextInt(500)));
      a.put("NumberOfEmployees", 50 + random.nextInt(20000));
      a.put("OwnerId", pick(reps(region)).salesforceId());
      stamp(a, now.minus(Duration.ofDays(200 + random.nextInt(500))), (String) a.get("OwnerId"));
      Map<String, Object> account = insert("Account", a);
      accounts.add(account);
      List<Map<String, Object>> contacts = new ArrayList<>();
      for (int c = 0; c < 2; c++) {
        contacts.add(contact(account));
      }
      contactsByAccount.put((String) account.get("Id"), contacts);
    }
  }

  private Map<String, Object> contact(Map<String, Object> account) {
    String first = pick(Names.FIRST_NAMES);
    String last = pick(Names.LAST_NAMES);
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("AccountId", account.get("Id"));
    c.put("FirstName", first);
    c.put("LastName", last);
    c.put("Name", first + " " + last);
    c.put("Title", pick(List.of("VP Operations", "Director of IT", "CFO", "Head of Analytics", "Procurement Manager",
        "Chief Data Officer")));
    c.put("Email", (first + "." + last).toLowerCase(Locale.ROOT) + "@" + slug((String) account.get("Name"))
        + ".example");
    c.put("Phone", String.format("+1 555 %03d %04d", 100 + random.nextInt(900), random.nextInt(10000)));
    c.put("LeadSource", pick(Schema.LEAD_SOURCES));
    c.put("OwnerId", account.get("OwnerId"));
    stamp(c, ((Instant) account.get("CreatedDate")).plus(Duration.ofDays(random.nextInt(100))),
        (String) account.get("OwnerId"));
    return insert("Contact", c);
  }

  private void leads() {
    List<TeamMember> reps = team.stream().filter(m -> m.role() == Role.REP).toList();
    for (int i = 0; i < 80; i++) {
      String first = pick(Names.FIRST_NAMES);
      String last = pick(Names.LAST_NAMES);
      String company = pick(Names.LEAD_COMPANY_WORDS) + " " + pick(Names.LEAD_COMPANY_KINDS);
      Map<String, Object> l = new LinkedHashMap<>();
      l.put("FirstName", first);
      l.put("LastName", last);
      l.put("Name", first + " " + last);
      l.put("Company", company);
      l.put("Title", pick(List.of("Analyst", "Manager", "Director", "VP", "Founder")));
      l.put("Email", (first + "." + last).toLowerCase(Locale.ROOT) + "@" + slug(company) + ".example");
      l.put("Phone", String.format("+1 555 %03d %04d", 100 + random.nextInt(900), random.nextInt(10000)));
      String status = pick(List.of("Open - Not Contacted", "Open - Not Contacted", "Working - Contacted",
          "Working - Contacted", "Closed - Converted", "Closed - Not Converted"));
      l.put("Status", status);
      l.put("LeadSource", pick(Schema.LEAD_SOURCES));
      l.put("Rating", pick(List.of("Hot", "Warm", "Cold")));
      l.put("Industry", pick(Schema.INDUSTRIES));
      l.put("IsConverted", status.equals("Closed - Converted"));
      String owner = pick(reps).salesforceId();
      l.put("OwnerId", owner);
      stamp(l, pastInstant(90, 2), owner);
      insert("Lead", l);
    }
  }

  // ---------------------------------------------------------------- opportunities and their history

  private void opportunities() {
    List<String> stages = new ArrayList<>();
    addTimes(stages, "Closed Won", 45);
    addTimes(stages, "Closed Lost", 35);
    addTimes(stages, "Prospecting", 45);
    addTimes(stages, "Qualification", 40);
    addTimes(stages, "Needs Analysis", 35);
    addTimes(stages, "Proposal", 35);
    addTimes(stages, "Commit", 35);
    addTimes(stages, "Negotiation", 30);
    Collections.shuffle(stages, random);
    for (String stage : stages) {
      opportunity(Stages.named(stage).orElseThrow());
    }
  }

  private void opportunity(Stages.Stage stage) {
    Map<String, Object> account = pick(accounts);
    String owner = (String) account.get("OwnerId");
    String type = pick(List.of("New Business", "New Business", "New Business", "Existing Business",
        "Existing Business", "Renewal"));
    BigDecimal amount = BigDecimal.valueOf(5_000 + 500L * random.nextInt(490)).setScale(2);
    LocalDate close = closeDate(stage);
    int stageIndex = Stages.ALL.indexOf(stage);

    Instant lastStageChange = stage.closed()
        ? earlier(close.atTime(16, random.nextInt(60)).toInstant(ZoneOffset.UTC), Duration.ofHours(3))
        : stageChangeTime();
    List<String> path = stagePath(stage, stageIndex);
    Instant created = lastStageChange.minus(Duration.ofDays((long) (path.size() - 1) * (5 + random.nextInt(20))
        + 1 + random.nextInt(10)));
    created = earlier(created, Duration.ofDays(1));

    Map<String, Object> o = new LinkedHashMap<>();
    String name = account.get("Name") + " - " + (type.equals("Renewal") ? "Renewal " + close.getYear()
        : pick(Names.PRODUCTS));
    o.put("Name", name);
    o.put("AccountId", account.get("Id"));
    o.put("StageName", stage.name());
    o.put("Amount", amount);
    o.put("Probability", stage.probabilityValue());
    o.put("CloseDate", close);
    o.put("Type", type);
    o.put("LeadSource", pick(Schema.LEAD_SOURCES));
    o.put("NextStep", stage.closed() || random.nextInt(4) == 0 ? null : pick(Names.NEXT_STEPS));
    o.put("Description", random.nextInt(5) == 0 ? "Sample opportunity: " + type.toLowerCase(Locale.ROOT)
        + " for " + account.get("Name") + "." : null);
    o.put("ForecastCategoryName", stage.forecastCategoryName());
    o.put("ForecastCategory", stage.forecastCategory());
    o.put("IsClosed", stage.closed());
    o.put("IsWon", stage.won());
    o.put("HasOpenActivity", false);
    o.put("HasOverdueTask", false);
    o.put("LastStageChangeDate", path.size() == 1 ? created : lastStageChange); // never moved: since creation
    o.put("PushCount", 0);
    o.put("OwnerId", owner);
    o.put("CreatedDate", created);
    o.put("CreatedById", owner);
    o.put("LastModifiedById", owner);
    RecordWriter.Derived.opportunity(o);
    Map<String, Object> row = insert("Opportunity", o);
    Instant lastChange = history(row, path, created, lastStageChange);
    row.put("LastModifiedDate", lastChange);
    row.put("SystemModstamp", lastChange);
    opportunityEvents(row, account);
  }

  private static void addTimes(List<String> list, String value, int times) {
    for (int i = 0; i < times; i++) {
      list.add(value);
    }
  }

  /** Closed deals closed in the last two quarters; open ones mostly this or next quarter, some overdue. */
  private LocalDate closeDate(Stages.Stage stage) {
    LocalDate quarterStart = today.with(IsoFields.DAY_OF_QUARTER, 1);
    LocalDate quarterEnd = quarterStart.plusMonths(3).minusDays(1);
    if (stage.closed()) {
      return today.minusDays(1 + random.nextInt(170));
    }
    int bucket = random.nextInt(20);
    if (bucket < 2) {
      return today.minusDays(1 + random.nextInt(45));
    }
    if (bucket < 11) {
      return today.plusDays(random.nextInt((int) ChronoUnit.DAYS.between(today, quarterEnd) + 1));
    }
    if (bucket < 18) {
      return quarterEnd.plusDays(1 + random.nextInt(90));
    }
    return quarterEnd.plusDays(92 + random.nextInt(88));
  }

  /** When an open deal last changed stage: a third in the last 30 days, a quarter more than 60 days ago. */
  private Instant stageChangeTime() {
    int bucket = random.nextInt(12);
    if (bucket < 4) {
      return pastInstant(30, 2);
    }
    if (bucket < 9) {
      return now.minus(Duration.ofDays(30 + random.nextInt(30))).minus(Duration.ofMinutes(random.nextInt(600)));
    }
    return now.minus(Duration.ofDays(61 + random.nextInt(90))).minus(Duration.ofMinutes(random.nextInt(600)));
  }

  /** The stages a deal went through, ending at its current one. */
  private List<String> stagePath(Stages.Stage stage, int stageIndex) {
    List<String> path = new ArrayList<>();
    int first = random.nextInt(2);
    int last = stage.name().equals("Closed Won") ? 5 : stage.name().equals("Closed Lost") ? random.nextInt(5)
        : stageIndex;
    for (int i = Math.min(first, last); i <= last; i++) {
      path.add(Stages.ALL.get(i).name());
    }
    if (stage.closed()) {
      path.add(stage.name());
    }
    return path;
  }

  /**
   * Writes the deal's OpportunityHistory snapshots and OpportunityFieldHistory rows: one step per stage
   * change up to {@code lastStageChange}, and for some deals an amount change or a close-date push,
   * mostly in the last 30 days. Returns the time of the last change.
   */
  private Instant history(Map<String, Object> opp, List<String> path, Instant created, Instant lastStageChange) {
    BigDecimal amount = (BigDecimal) opp.get("Amount");
    LocalDate close = (LocalDate) opp.get("CloseDate");
    boolean closed = (Boolean) opp.get("IsClosed");
    List<Object[]> changes = new ArrayList<>(); // {Instant, field, oldValue, newValue}
    long span = Math.max(1, Duration.between(created, lastStageChange).getSeconds());
    for (int i = 1; i < path.size(); i++) {
      Instant at = i == path.size() - 1 ? lastStageChange : created.plusSeconds(span * i / (path.size() - 1));
      changes.add(new Object[] {at, "StageName", path.get(i - 1), path.get(i)});
    }
    BigDecimal initialAmount = amount;
    if (random.nextInt(10) < 3) {
      initialAmount = amount.multiply(BigDecimal.valueOf(70 + random.nextInt(61))).divide(BigDecimal.valueOf(100))
          .divide(BigDecimal.valueOf(500), 0, RoundingMode.HALF_UP).multiply(BigDecimal.valueOf(500))
          .max(BigDecimal.valueOf(1000)).setScale(2);
      if (initialAmount.compareTo(amount) != 0) {
        changes.add(new Object[] {changeTime(created, closed ? lastStageChange : now), "Amount", initialAmount,
            amount});
      }
    }
    LocalDate initialClose = close;
    if (!closed && random.nextInt(4) == 0) {
      initialClose = close.minusDays(14 + random.nextInt(47));
      changes.add(new Object[] {changeTime(created, now), "CloseDate", initialClose, close});
      if (close.withDayOfMonth(1).isAfter(initialClose.withDayOfMonth(1))) {
        opp.put("PushCount", 1);
      }
    }
    changes.sort(Comparator.comparing((Object[] c) -> (Instant) c[0])
        .thenComparing(c -> "StageName".equals(c[1]) ? 0 : 1));
    for (int i = 1; i < changes.size(); i++) {
      Instant previous = (Instant) changes.get(i - 1)[0];
      if (!((Instant) changes.get(i)[0]).isAfter(previous)) {
        changes.get(i)[0] = previous.plusSeconds(1); // one snapshot per change, in a clear order
      }
      if ("StageName".equals(changes.get(i)[1])) {
        opp.put("LastStageChangeDate", changes.get(i)[0]);
      }
    }

    Map<String, Object> state = new LinkedHashMap<>();
    state.put("StageName", path.get(0));
    state.put("Amount", initialAmount);
    state.put("CloseDate", initialClose);
    String owner = (String) opp.get("OwnerId");
    snapshot(opp, state, created, null, owner);
    Instant last = created;
    for (Object[] change : changes) {
      Map<String, Object> before = new LinkedHashMap<>(state);
      state.put((String) change[1], change[3]);
      snapshot(opp, state, (Instant) change[0], before, owner);
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("OpportunityId", opp.get("Id"));
      row.put("Field", change[1]);
      row.put("DataType", RecordWriter.Derived.historyDataType((String) change[1]));
      row.put("OldValue", change[2]);
      row.put("NewValue", change[3]);
      row.put("IsDeleted", false);
      row.put("CreatedDate", change[0]);
      row.put("CreatedById", owner);
      insert("OpportunityFieldHistory", row);
      last = (Instant) change[0];
    }
    return last;
  }

  /** A change time after creation, before {@code latest}: half of them in the last 30 days. */
  private Instant changeTime(Instant created, Instant latest) {
    Instant from = random.nextBoolean() ? later(created, now.minus(Duration.ofDays(30))) : created;
    long span = Duration.between(from, latest).getSeconds();
    if (span <= 3600) {
      return earlier(latest, Duration.ofMinutes(1));
    }
    return from.plusSeconds(1800 + (long) (random.nextDouble() * (span - 3600)));
  }

  private void snapshot(Map<String, Object> opp, Map<String, Object> state, Instant at, Map<String, Object> before,
      String owner) {
    Stages.Stage stage = Stages.named((String) state.get("StageName")).orElseThrow();
    BigDecimal amount = (BigDecimal) state.get("Amount");
    Map<String, Object> h = new LinkedHashMap<>();
    h.put("OpportunityId", opp.get("Id"));
    h.put("StageName", stage.name());
    h.put("Amount", amount);
    h.put("ExpectedRevenue", amount.multiply(stage.probabilityValue()).divide(BigDecimal.valueOf(100), 2,
        RoundingMode.HALF_UP));
    h.put("CloseDate", state.get("CloseDate"));
    h.put("Probability", stage.probabilityValue());
    h.put("ForecastCategory", stage.forecastCategory());
    h.put("PrevAmount", before == null ? null : before.get("Amount"));
    h.put("PrevCloseDate", before == null ? null : before.get("CloseDate"));
    h.put("IsDeleted", false);
    h.put("CreatedDate", at);
    h.put("CreatedById", owner);
    h.put("SystemModstamp", at);
    insert("OpportunityHistory", h);
  }

  // ---------------------------------------------------------------- events and activity dates

  private void opportunityEvents(Map<String, Object> opp, Map<String, Object> account) {
    boolean closed = (Boolean) opp.get("IsClosed");
    LocalDate close = (LocalDate) opp.get("CloseDate");
    int past = closed ? 1 + random.nextInt(2) : random.nextInt(7) == 0 ? 0 : 1 + random.nextInt(3);
    for (int i = 0; i < past; i++) {
      LocalDate day = closed ? close.minusDays(1 + random.nextInt(40)) : today.minusDays(1 + random.nextInt(60));
      if (day.isBefore(today)) {
        event(opp.get("Id"), account, day, pick(Names.PAST_SUBJECTS));
      }
    }
    if (!closed) {
      int future = random.nextInt(3);
      for (int i = 0; i < future; i++) {
        event(opp.get("Id"), account, today.plusDays(1 + random.nextInt(30)), pick(Names.FUTURE_SUBJECTS));
      }
      if (future > 0) {
        opp.put("HasOpenActivity", true);
      }
    }
  }

  private void accountEvents() {
    for (int i = 0; i < 20; i++) {
      Map<String, Object> account = pick(accounts);
      boolean future = random.nextBoolean();
      LocalDate day = future ? today.plusDays(1 + random.nextInt(30)) : today.minusDays(1 + random.nextInt(60));
      event(account.get("Id"), account, day, future ? "Quarterly business review" : "Account check-in");
    }
  }

  /**
   * Takes the upcoming events off the accounts of three in four open commit-stage deals (by id) closing in
   * the last {@value #QUIET_DAYS} days of the quarter, so that "commit closing at quarter end with no
   * meeting booked" has cases to find: with two or three upcoming events on most accounts, chance alone
   * leaves nearly none. Uses no randomness, so the rest of the seeded data is unchanged.
   */
  private void quietAccounts() {
    LocalDate quarterEnd = today.with(IsoFields.DAY_OF_QUARTER, 1).plusMonths(3).minusDays(1);
    List<Map<String, Object>> closingCommits = store.all("Opportunity").toList().stream()
        .filter(o -> !(Boolean) o.get("IsClosed") && Stages.COMMIT.equals(o.get("StageName")))
        .filter(o -> !((LocalDate) o.get("CloseDate")).isBefore(quarterEnd.minusDays(QUIET_DAYS))
            && !((LocalDate) o.get("CloseDate")).isAfter(quarterEnd))
        .sorted(Comparator.comparing(o -> (String) o.get("Id")))
        .toList();
    Set<Object> quiet = new HashSet<>();
    for (int i = 0; i < closingCommits.size(); i++) {
      if (i % 4 != 3) { // every fourth keeps its meetings
        quiet.add(closingCommits.get(i).get("AccountId"));
      }
    }
    List<String> upcoming = store.all("Event").toList().stream()
        .filter(e -> quiet.contains(e.get("AccountId")) && !((LocalDate) e.get("ActivityDate")).isBefore(today))
        .map(e -> (String) e.get("Id"))
        .toList();
    upcoming.forEach(id -> store.delete("Event", id));
    for (Map<String, Object> opp : store.all("Opportunity")) {
      if (quiet.contains(opp.get("AccountId"))) {
        opp.put("HasOpenActivity", false); // its only open activities were those events
      }
    }
  }

  private void event(Object whatId, Map<String, Object> account, LocalDate day, String subject) {
    boolean allDay = random.nextInt(10) == 0;
    Instant start = allDay ? day.atStartOfDay().toInstant(ZoneOffset.UTC)
        : day.atTime(14 + random.nextInt(7), random.nextBoolean() ? 0 : 30).toInstant(ZoneOffset.UTC);
    int minutes = allDay ? 1440 : random.nextBoolean() ? 30 : 60;
    List<Map<String, Object>> contacts = contactsByAccount.get((String) account.get("Id"));
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("Subject", subject);
    e.put("Type", subject.contains("call") ? "Call" : "Meeting");
    e.put("Location", allDay ? "Customer site" : "Video call");
    e.put("ActivityDate", day);
    e.put("ActivityDateTime", allDay ? null : start);
    e.put("StartDateTime", start);
    e.put("EndDateTime", start.plus(Duration.ofMinutes(minutes)));
    e.put("DurationInMinutes", minutes);
    e.put("IsAllDayEvent", allDay);
    e.put("WhatId", whatId);
    e.put("WhoId", pick(contacts).get("Id"));
    e.put("AccountId", account.get("Id"));
    String owner = (String) account.get("OwnerId");
    e.put("OwnerId", owner);
    stamp(e, earlier(start.minus(Duration.ofDays(3 + random.nextInt(20))), Duration.ofHours(1)), owner);
    insert("Event", e);
  }

  /** LastActivityDate: the day of the latest past event on the record (the sample org logs no tasks). */
  private void lastActivityDates() {
    Map<String, LocalDate> latest = new LinkedHashMap<>();
    for (Map<String, Object> event : store.all("Event")) {
      LocalDate day = (LocalDate) event.get("ActivityDate");
      if (day.isBefore(today)) {
        for (String key : new String[] {(String) event.get("WhatId"), (String) event.get("AccountId"),
            (String) event.get("WhoId")}) {
          if (key != null) {
            latest.merge(key, day, (a, b) -> a.isAfter(b) ? a : b);
          }
        }
      }
    }
    for (String object : List.of("Opportunity", "Account", "Contact")) {
      for (Map<String, Object> row : store.all(object)) {
        row.put("LastActivityDate", latest.get((String) row.get("Id")));
      }
    }
  }

  // ---------------------------------------------------------------- audit rows and notes

  private void audits() {
    List<Map<String, Object>> open = store.all("Opportunity").toList().stream()
        .filter(o -> !(Boolean) o.get("IsClosed")).toList();
    String[][] samples = {
        {"NextStep", "Send proposal", "Send revised proposal", "Customer asked for a 3-year option on the call.", "false",
            null},
        {"CloseDate", "", "", "Procurement confirmed the signature date moves into next month.", "false", null},
        {"NextStep", "Legal redlines", "Book executive sponsor call", "Legal is done; sponsor meeting is the blocker.",
            "false", null},
        {"StageName", "Proposal", "Negotiation", "Pricing agreed verbally; moving to negotiation.", "true",
            "FIELD_CUSTOM_VALIDATION_EXCEPTION: Negotiation needs a signed mutual action plan"}};
    int n = 1;
    for (String[] sample : samples) {
      Map<String, Object> opp = pick(open);
      Map<String, Object> a = new LinkedHashMap<>();
      a.put("Name", String.format("CA-%06d", n++));
      a.put("Object_Name__c", "Opportunity");
      a.put("Record_Id__c", opp.get("Id"));
      a.put("Field_Name__c", sample[0]);
      boolean date = sample[0].equals("CloseDate");
      LocalDate close = (LocalDate) opp.get("CloseDate");
      a.put("Old_Value__c", date ? close.minusDays(21).toString() : sample[1]);
      a.put("New_Value__c", date ? close.toString() : sample[2]);
      a.put("Justification__c", sample[3]);
      a.put("Performed_By__c", "revops-mcp (RevOps Integration)");
      a.put("Failed__c", Boolean.parseBoolean(sample[4]));
      a.put("Error__c", sample[5]);
      a.put("OwnerId", runningUserId);
      stamp(a, pastInstant(25, 3), runningUserId);
      insert(Schema.AUDIT_OBJECT, a);
    }
  }

  private void notes() {
    List<Map<String, Object>> opportunities = store.all("Opportunity").toList();
    String[] bodies = {"Champion confirmed budget for this fiscal year.", "Security questionnaire sent back; awaiting"
        + " their review.", "Customer wants a phased rollout, starting with the analytics team."};
    for (String body : bodies) {
      Map<String, Object> opp = pick(opportunities);
      String html = "<p>" + body + "</p>";
      Instant created = pastInstant(20, 2);
      Map<String, Object> note = new LinkedHashMap<>();
      note.put("Title", "Call notes");
      note.put("Content", Base64.getEncoder().encodeToString(html.getBytes(StandardCharsets.UTF_8)));
      note.put("TextPreview", body);
      note.put("FileType", "SNOTE");
      note.put("FileExtension", "snote");
      note.put("ContentSize", html.getBytes(StandardCharsets.UTF_8).length);
      note.put("OwnerId", opp.get("OwnerId"));
      stamp(note, created, (String) opp.get("OwnerId"));
      Map<String, Object> stored = insert("ContentNote", note);
      Map<String, Object> doc = new LinkedHashMap<>();
      for (String f : List.of("Id", "Title", "FileType", "FileExtension", "ContentSize", "OwnerId", "CreatedDate",
          "CreatedById", "LastModifiedDate", "SystemModstamp")) {
        doc.put(f, stored.get(f));
      }
      store.insert(schema.object("ContentDocument").orElseThrow(), doc);
      Map<String, Object> link = new LinkedHashMap<>();
      link.put("ContentDocumentId", stored.get("Id"));
      link.put("LinkedEntityId", opp.get("Id"));
      link.put("ShareType", "V");
      link.put("Visibility", "AllUsers");
      link.put("IsDeleted", false);
      link.put("SystemModstamp", stored.get("SystemModstamp"));
      insert("ContentDocumentLink", link);
    }
  }

  // ---------------------------------------------------------------- helpers

  private void stamp(Map<String, Object> values, Instant created, String by) {
    Instant at = earlier(created, Duration.ofMinutes(5));
    values.put("CreatedDate", at);
    values.put("CreatedById", by);
    values.put("LastModifiedDate", at);
    values.put("LastModifiedById", by);
    values.put("SystemModstamp", at);
  }

  /** {@code at}, or {@code margin} before now when {@code at} is not in the past. */
  private Instant earlier(Instant at, Duration margin) {
    Instant limit = now.minus(margin);
    return at.isAfter(limit) ? limit : at;
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  /** A moment between {@code minHours} hours and {@code maxDays} days ago. */
  private Instant pastInstant(int maxDays, int minHours) {
    long min = minHours * 3600L;
    long max = maxDays * 86400L;
    return now.minusSeconds(min + (long) (random.nextDouble() * (max - min)));
  }

  private <T> T pick(List<T> list) {
    return list.get(random.nextInt(list.size()));
  }

  private static String slug(String name) {
    return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "");
  }
}
