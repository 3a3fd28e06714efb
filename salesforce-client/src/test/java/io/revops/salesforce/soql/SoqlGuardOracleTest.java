package io.revops.salesforce.soql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Differential test against Salesforce's own SOQL grammar (npm {@code @salesforce/soql-common} 0.2.2,
 * non-Apex mode), run by {@code soql/oracle/soql-oracle.js} in one Node process for the whole class.
 * Whatever the guard accepts, and whatever it rewrites a query into, must parse under that grammar.
 * The guard may refuse more (its deny-list); those disagreements are written to
 * {@code <build dir>/soql-oracle/disagreements.txt}.
 */
class SoqlGuardOracleTest {
  private static final Moshi MOSHI = new Moshi.Builder().build();
  private static final JsonAdapter<Map<String, Object>> RESULT =
      MOSHI.adapter(Types.newParameterizedType(Map.class, String.class, Object.class));
  private static final JsonAdapter<Map<String, String>> REQUEST =
      MOSHI.adapter(Types.newParameterizedType(Map.class, String.class, String.class));

  private static Path oracleDir;
  private static Process node;
  private static BufferedWriter toNode;
  private static BufferedReader fromNode;

  /** Why the oracle cannot run here, or null when it runs. */
  private static String unavailable;

  /**
   * Installs and starts the oracle once. When that is impossible the reason is kept and each oracle
   * test skips with it (an assumption failing in {@code @BeforeAll} would not show up as skipped).
   */
  @BeforeAll
  static void startOracle() throws Exception {
    String buildDir = System.getProperty("revops.build.dir");
    if (buildDir == null || buildDir.isBlank()) {
      unavailable = "system property revops.build.dir is not set (Maven's surefire sets it):"
          + " nowhere to install the SOQL oracle";
      return;
    }
    if (!onPath("node") || !onPath("npm")) {
      unavailable = "node and npm are not on PATH: the differential test against Salesforce's SOQL grammar"
          + " (@salesforce/soql-common) needs Node.js";
      return;
    }
    oracleDir = Path.of(buildDir, "soql-oracle");
    Files.createDirectories(oracleDir);
    copyResource("soql/oracle/package.json", oracleDir.resolve("package.json"));
    copyResource("soql/oracle/soql-oracle.js", oracleDir.resolve("soql-oracle.js"));
    if (!installed(oracleDir)) {
      unavailable = npmInstall(oracleDir);
      if (unavailable != null) {
        return;
      }
    }
    node = new ProcessBuilder("node", oracleDir.resolve("soql-oracle.js").toString())
        .directory(oracleDir.toFile())
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
    toNode = new BufferedWriter(new OutputStreamWriter(node.getOutputStream(), StandardCharsets.UTF_8));
    fromNode = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8));
  }

  private static void requireOracle() {
    assumeTrue(unavailable == null, unavailable);
  }

  @AfterAll
  static void stopOracle() throws Exception {
    if (node != null) {
      toNode.close();
      if (!node.waitFor(10, TimeUnit.SECONDS)) {
        node.destroyForcibly();
      }
    }
  }

  @Test
  void corpusHasAtLeast200Queries() {
    assertThat(corpus()).hasSizeGreaterThanOrEqualTo(200);
  }

  @Test
  void oracleAcceptsAPlainQueryAndRejectsKnownBadOnes() {
    requireOracle();
    assertThat(oracle("SELECT Id FROM Account")).as("plain query").isTrue();
    assertThat(oracle("SELECT Id FROM Account FOR UPDATE")).as("FOR UPDATE in non-Apex mode").isFalse();
    assertThat(oracle("SELECT Id FROM Account LIMIT 10 WITH SECURITY_ENFORCED")).as("WITH after LIMIT").isFalse();
    assertThat(oracle("SELECT Id FROM Account WHERE Name = 'a\\x'")).as("lexer error \\x").isFalse();
    assertThat(oracle("SELECT Id FROM Account junk junk")).as("trailing input").isFalse();
  }

  @Test
  void everyAcceptedQueryAndEveryRewriteParsesUnderSalesforceGrammar() throws IOException {
    requireOracle();
    Map<String, SoqlGuard> guards = new LinkedHashMap<>();
    guards.put("defaults", SoqlGuard.defaults());
    guards.put("SECURITY_ENFORCED", SoqlGuard.builder().securityClause(SecurityClause.SECURITY_ENFORCED).build());
    guards.put("USER_MODE", SoqlGuard.builder().securityClause(SecurityClause.USER_MODE).maxLimit(5).build());

    List<String> failures = new ArrayList<>();
    List<String> disagreements = new ArrayList<>();
    int acceptedByDefaults = 0;
    for (String query : queriesWithVariants()) {
      boolean oracleAccepts = oracle(query);
      for (Map.Entry<String, SoqlGuard> guard : guards.entrySet()) {
        GuardedQuery guarded;
        try {
          guarded = guard.getValue().check(query);
        } catch (SoqlRejectedException e) {
          if (oracleAccepts && guard.getKey().equals("defaults")) {
            disagreements.add(query + "\n    guard: " + e.getMessage());
          }
          continue;
        }
        if (guard.getKey().equals("defaults")) {
          acceptedByDefaults++;
        }
        if (!oracleAccepts) {
          failures.add("[" + guard.getKey() + "] guard accepts, Salesforce's grammar rejects: " + query);
        }
        if (!oracle(guarded.soql())) {
          failures.add("[" + guard.getKey() + "] rewrite does not parse: " + guarded.soql());
        }
      }
    }
    Files.write(oracleDir.resolve("disagreements.txt"), disagreements, StandardCharsets.UTF_8);
    assertThat(failures).isEmpty();
    assertThat(acceptedByDefaults).as("queries the default guard accepted").isGreaterThanOrEqualTo(200);
  }

  /**
   * Token-level mutants of the corpus (a word dropped, doubled, swapped with its neighbour, or a
   * keyword inserted), from a fixed seed: whatever the guard accepts among them must still parse under
   * Salesforce's grammar. This is what caught reserved words used as names and over-general function
   * calls.
   */
  @Test
  void mutantsTheGuardAcceptsParseUnderSalesforceGrammar() {
    requireOracle();
    String[] inserts = {"SELECT", "FROM", "WHERE", "AND", "OR", "NOT", "IN", "LIMIT", "OFFSET", "WITH", "GROUP",
        "BY", "ORDER", "HAVING", "USING", "SCOPE", "(", ")", ",", "=", "'x'", "5", "-", "TYPEOF", "END", "WHEN",
        "THEN", "ELSE", "DATA", "CATEGORY", "ASC", "DESC", "NULLS", "LAST", "FIRST", "COUNT()", "Id", "a", "LIKE",
        "INCLUDES", "null", "TODAY", "LAST_N_DAYS:5", ":", "ROLLUP", "USER_MODE", "SECURITY_ENFORCED", "FOR", "."};
    SoqlGuard guard = SoqlGuard.builder().securityClause(SecurityClause.SECURITY_ENFORCED).build();
    java.util.Random random = new java.util.Random(20261122L);
    List<String> corpus = corpus();
    List<String> failures = new ArrayList<>();
    int accepted = 0;
    for (int i = 0; i < 12_000; i++) {
      List<String> words = new ArrayList<>(List.of(corpus.get(random.nextInt(corpus.size()))
          .replace("(", " ( ").replace(")", " ) ").replace(",", " , ").trim().split("\\s+")));
      int k = random.nextInt(words.size());
      switch (random.nextInt(4)) {
        case 0 -> words.remove(k);
        case 1 -> words.add(k, words.get(k));
        case 2 -> java.util.Collections.swap(words, k, Math.min(k + 1, words.size() - 1));
        default -> words.add(k, inserts[random.nextInt(inserts.length)]);
      }
      String mutant = String.join(" ", words);
      GuardedQuery guarded;
      try {
        guarded = guard.check(mutant);
      } catch (SoqlRejectedException e) {
        continue;
      }
      accepted++;
      if (!oracle(mutant) || !oracle(guarded.soql())) {
        failures.add(mutant);
      }
    }
    assertThat(failures).as("mutants the guard accepts but Salesforce's grammar rejects").isEmpty();
    assertThat(accepted).as("mutants accepted (the test must exercise the accept path)").isGreaterThan(1000);
  }

  /** The corpus, plus each query with its spaces turned into newlines (whitespace is not only ' '). */
  private static List<String> queriesWithVariants() {
    List<String> queries = new ArrayList<>(corpus());
    for (String q : corpus()) {
      if (!q.contains("'")) {
        queries.add(q.replace(" ", "\r\n"));
      }
    }
    return queries;
  }

  private static List<String> corpus() {
    try (InputStream in = SoqlGuardOracleTest.class.getResourceAsStream("/soql/corpus.soql")) {
      assertThat(in).as("soql/corpus.soql on the test classpath").isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
          .filter(line -> !line.isBlank() && !line.startsWith("#"))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean oracle(String soql) {
    try {
      toNode.write(REQUEST.toJson(Map.of("q", soql)));
      toNode.write('\n');
      toNode.flush();
      String line = fromNode.readLine();
      assertThat(line).as("a result line from the Node oracle").isNotNull();
      return Boolean.TRUE.equals(RESULT.fromJson(line).get("sf"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean installed(Path dir) {
    Path modules = dir.resolve("node_modules");
    return Files.isRegularFile(modules.resolve("@salesforce/soql-common/package.json"))
        && Files.isRegularFile(modules.resolve("antlr4ts/package.json"));
  }

  /** Runs npm install; returns why it failed, or null. */
  private static String npmInstall(Path dir) throws IOException, InterruptedException {
    Path log = dir.resolve("npm-install.log");
    Process npm = new ProcessBuilder(
            "npm", "install", "--no-audit", "--no-fund", "--no-package-lock", "--prefix", dir.toString())
        .directory(dir.toFile())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
    if (!npm.waitFor(5, TimeUnit.MINUTES)) {
      npm.destroyForcibly();
      return "npm install of the SOQL oracle (@salesforce/soql-common 0.2.2) did not finish in 5 minutes; see " + log;
    }
    if (npm.exitValue() != 0 || !installed(dir)) {
      return "npm install of the SOQL oracle (@salesforce/soql-common 0.2.2) failed with exit code "
          + npm.exitValue() + "; see " + log;
    }
    return null;
  }

  private static void copyResource(String resource, Path target) throws IOException {
    try (InputStream in = SoqlGuardOracleTest.class.getResourceAsStream("/" + resource)) {
      assertThat(in).as(resource + " on the test classpath").isNotNull();
      Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static boolean onPath(String command) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String dir : path.split(java.io.File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, command))) {
        return true;
      }
    }
    return false;
  }
}
