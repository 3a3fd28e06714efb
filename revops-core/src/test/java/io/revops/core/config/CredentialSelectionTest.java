package io.revops.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which Salesforce credential the environment selects, and the errors for incomplete or ambiguous sets. */
class CredentialSelectionTest {
  static final String INSTANCE = "https://acme.my.salesforce.com";
  static final String ACCESS = "00Dxx!static-access-secret";
  static final String REFRESH = "5Aep-refresh-secret";
  static final String CLIENT_SECRET = "client-secret-value-123";
  static final String COMMAND = "op read op://vault/sfdc/token --session secret-session";

  @TempDir
  static Path dir;
  static Path keyFile;
  static KeyPair keys;

  @BeforeAll
  static void writeKey() throws Exception {
    keys = TestPem.rsa();
    keyFile = TestPem.write(dir, keys);
  }

  static SalesforceCredential credential(String... pairs) {
    return RevOpsConfig.fromEnvironment(env(pairs)).salesforce().orElseThrow().credential();
  }

  static Map<String, String> env(String... pairs) {
    Map<String, String> env = new HashMap<>();
    env.put("SFDC_INSTANCE_URL", INSTANCE);
    for (int i = 0; i < pairs.length; i += 2) {
      env.put(pairs[i], pairs[i + 1].replace("$KEY", keyFile.toString()));
    }
    return env;
  }

  @Test
  void aStaticToken() {
    assertThat(credential("SFDC_ACCESS_TOKEN", ACCESS)).isEqualTo(new SalesforceCredential.StaticToken(Secret.of(ACCESS)));
  }

  @Test
  void theRefreshTokenFlowWithDefaultLoginUrlOptionalSecretAndInitialToken() {
    assertThat(credential("SFDC_CLIENT_ID", "3MVG9id", "SFDC_REFRESH_TOKEN", REFRESH)).isEqualTo(
        new SalesforceCredential.RefreshToken(URI.create("https://login.salesforce.com"), "3MVG9id", Optional.empty(),
            Secret.of(REFRESH), Optional.empty()));
    assertThat(credential("SFDC_CLIENT_ID", "3MVG9id", "SFDC_CLIENT_SECRET", CLIENT_SECRET, "SFDC_REFRESH_TOKEN", REFRESH,
        "SFDC_ACCESS_TOKEN", ACCESS, "SFDC_LOGIN_URL", "https://test.salesforce.com/")).isEqualTo(
        new SalesforceCredential.RefreshToken(URI.create("https://test.salesforce.com"), "3MVG9id",
            Optional.of(Secret.of(CLIENT_SECRET)), Secret.of(REFRESH), Optional.of(Secret.of(ACCESS))));
  }

  @Test
  void theJwtBearerFlowChecksTheKeyFileAtStart() {
    assertThat(credential("SFDC_CLIENT_ID", "3MVG9id", "SFDC_USERNAME", "integration@acme.example",
        "SFDC_JWT_KEY_FILE", "$KEY", "SFDC_LOGIN_URL", "https://test.salesforce.com")).isEqualTo(
        new SalesforceCredential.JwtBearer(URI.create("https://test.salesforce.com"), "3MVG9id",
            "integration@acme.example", keyFile));
  }

  @Test
  void aBadKeyFileFailsAtStartWithoutShowingKeyMaterial() throws Exception {
    Path certificate = Files.writeString(dir.resolve("server.crt"), "-----BEGIN CERTIFICATE-----\\nAAAA\\n-----END CERTIFICATE-----\\n");
    String body = TestPem.pem(keys).split("\\n")[1];
    for (String file : new String[] {dir.resolve("missing.key").toString(), certificate.toString()}) {
      assertThatThrownBy(() -> credential("SFDC_CLIENT_ID", "id", "SFDC_USERNAME", "u@acme.example",
          "SFDC_JWT_KEY_FILE", file))
          .isInstanceOfSatisfying(ConfigurationException.class, e -> assertThat(e.variable()).isEqualTo("SFDC_JWT_KEY_FILE"))
          .hasMessageContaining(file).hasMessageNotContaining(body);
    }
  }

  @Test
  void theClientCredentialsFlowUsesTheMyDomain() {
    assertThat(credential("SFDC_CLIENT_ID", "3MVG9id", "SFDC_CLIENT_SECRET", CLIENT_SECRET)).isEqualTo(
        new SalesforceCredential.ClientCredentials(URI.create(INSTANCE), "3MVG9id", Secret.of(CLIENT_SECRET)));
    assertThat(credential("SFDC_CLIENT_ID", "3MVG9id", "SFDC_CLIENT_SECRET", CLIENT_SECRET,
        "SFDC_LOGIN_URL", "https://acme--uat.sandbox.my.salesforce.com")).isEqualTo(
        new SalesforceCredential.ClientCredentials(URI.create("https://acme--uat.sandbox.my.salesforce.com"), "3MVG9id",
            Secret.of(CLIENT_SECRET)));
  }

  @Test
  void aTokenCommand() {
    assertThat(credential("SFDC_ACCESS_TOKEN_COMMAND", COMMAND))
        .isEqualTo(new SalesforceCredential.Command(Secret.of(COMMAND)));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "SFDC_ACCESS_TOKEN_COMMAND=c SFDC_ACCESS_TOKEN=t | SFDC_ACCESS_TOKEN_COMMAND | SFDC_ACCESS_TOKEN is set too",
      "SFDC_ACCESS_TOKEN_COMMAND=c SFDC_LOGIN_URL=https://test.salesforce.com | SFDC_ACCESS_TOKEN_COMMAND | SFDC_LOGIN_URL",
      "SFDC_JWT_KEY_FILE=$KEY SFDC_CLIENT_ID=i SFDC_USERNAME=u SFDC_CLIENT_SECRET=s | SFDC_JWT_KEY_FILE | SFDC_CLIENT_SECRET is set too",
      "SFDC_JWT_KEY_FILE=$KEY SFDC_CLIENT_ID=i SFDC_USERNAME=u SFDC_REFRESH_TOKEN=r | SFDC_JWT_KEY_FILE | SFDC_REFRESH_TOKEN",
      "SFDC_JWT_KEY_FILE=$KEY SFDC_USERNAME=u | SFDC_CLIENT_ID | is not set, but SFDC_JWT_KEY_FILE is",
      "SFDC_JWT_KEY_FILE=$KEY SFDC_CLIENT_ID=i | SFDC_USERNAME | is not set, but SFDC_JWT_KEY_FILE is",
      "SFDC_REFRESH_TOKEN=r | SFDC_CLIENT_ID | is not set, but SFDC_REFRESH_TOKEN is",
      "SFDC_REFRESH_TOKEN=r SFDC_CLIENT_ID=i SFDC_USERNAME=u | SFDC_REFRESH_TOKEN | SFDC_USERNAME is set too",
      "SFDC_ACCESS_TOKEN=t SFDC_CLIENT_SECRET=s SFDC_CLIENT_ID=i | SFDC_CLIENT_SECRET | unset SFDC_ACCESS_TOKEN",
      "SFDC_ACCESS_TOKEN=t SFDC_CLIENT_ID=i | SFDC_CLIENT_ID | set SFDC_REFRESH_TOKEN",
      "SFDC_ACCESS_TOKEN=t SFDC_USERNAME=u | SFDC_ACCESS_TOKEN | SFDC_USERNAME is set too",
      "SFDC_CLIENT_SECRET=s | SFDC_CLIENT_ID | is not set, but SFDC_CLIENT_SECRET is",
      "SFDC_CLIENT_SECRET=s SFDC_CLIENT_ID=i SFDC_USERNAME=u | SFDC_CLIENT_SECRET | SFDC_USERNAME is set too",
      "SFDC_CLIENT_SECRET=s SFDC_CLIENT_ID=i SFDC_LOGIN_URL=https://login.salesforce.com | SFDC_LOGIN_URL | My Domain",
      "SFDC_CLIENT_ID=i | SFDC_CLIENT_ID | no Salesforce credential is",
      "SFDC_USERNAME=u SFDC_CLIENT_ID=i | SFDC_CLIENT_ID | no Salesforce credential is",
      "SFDC_CLIENT_ID=has<SPACE>space SFDC_REFRESH_TOKEN=r | SFDC_CLIENT_ID | contains spaces",
      "SFDC_PASSWORD=p SFDC_USERNAME=u | SFDC_PASSWORD | username-password flow is not supported",
      "SFDC_SECURITY_TOKEN=x SFDC_ACCESS_TOKEN=t | SFDC_SECURITY_TOKEN | retiring it",
  })
  void incompleteOrAmbiguousCombinationsFailNamingTheVariable(String assignments, String variable, String expected) {
    String[] pairs = Arrays.stream(assignments.trim().split(" "))
        .flatMap(a -> Arrays.stream(a.split("=", 2)))
        .map(v -> v.replace("<SPACE>", " "))
        .toArray(String[]::new);
    assertThatThrownBy(() -> credential(pairs))
        .isInstanceOfSatisfying(ConfigurationException.class, e -> assertThat(e.variable()).isEqualTo(variable))
        .hasMessageStartingWith(variable + ":")
        .hasMessageContaining(expected);
  }

  @Test
  void errorsNeverEchoSecretValues() {
    String[][] envs = {
        {"SFDC_ACCESS_TOKEN", ACCESS, "SFDC_CLIENT_SECRET", CLIENT_SECRET, "SFDC_CLIENT_ID", "i"},
        {"SFDC_ACCESS_TOKEN_COMMAND", COMMAND, "SFDC_REFRESH_TOKEN", REFRESH},
        {"SFDC_PASSWORD", "hunter2-password", "SFDC_USERNAME", "u"},
    };
    for (String[] pairs : envs) {
      assertThatThrownBy(() -> credential(pairs)).isInstanceOf(ConfigurationException.class)
          .hasMessageNotContaining(ACCESS).hasMessageNotContaining(CLIENT_SECRET).hasMessageNotContaining(COMMAND)
          .hasMessageNotContaining(REFRESH).hasMessageNotContaining("hunter2");
    }
    Map<String, String> noInstance = env("SFDC_REFRESH_TOKEN", REFRESH, "SFDC_CLIENT_ID", "i");
    noInstance.remove("SFDC_INSTANCE_URL");
    assertThatThrownBy(() -> RevOpsConfig.fromEnvironment(noInstance))
        .hasMessageStartingWith("SFDC_INSTANCE_URL: is not set, but SFDC_CLIENT_ID, SFDC_REFRESH_TOKEN are")
        .hasMessageNotContaining(REFRESH);
  }

  @Test
  void clariTakesATokenOrACommandButNotBoth() {
    assertThat(RevOpsConfig.fromEnvironment(Map.of("CLARI_API_TOKEN_COMMAND", "op read op://v/clari")).clari()
        .orElseThrow().credential()).isEqualTo(new ClariCredential.Command(Secret.of("op read op://v/clari")));
    assertThatThrownBy(() -> RevOpsConfig.fromEnvironment(Map.of("CLARI_API_TOKEN_COMMAND", "op read x",
        "CLARI_API_TOKEN", "tok-secret")))
        .hasMessageStartingWith("CLARI_API_TOKEN_COMMAND:").hasMessageNotContaining("tok-secret")
        .hasMessageNotContaining("op read");
  }

  @Test
  void renderingsOfEveryCredentialShowNoSecret() {
    String rendered = String.join(" ",
        RevOpsConfig.fromEnvironment(env("SFDC_ACCESS_TOKEN", ACCESS, "CLARI_API_TOKEN", "clari-tok-secret")).toString(),
        RevOpsConfig.fromEnvironment(env("SFDC_ACCESS_TOKEN_COMMAND", COMMAND,
            "CLARI_API_TOKEN_COMMAND", "vault kv get -field=token secret/clari-secret-path")).toString(),
        credential("SFDC_CLIENT_ID", "i", "SFDC_CLIENT_SECRET", CLIENT_SECRET, "SFDC_REFRESH_TOKEN", REFRESH,
            "SFDC_ACCESS_TOKEN", ACCESS).toString(),
        credential("SFDC_CLIENT_ID", "i", "SFDC_CLIENT_SECRET", CLIENT_SECRET).toString(),
        credential("SFDC_CLIENT_ID", "i", "SFDC_USERNAME", "u@acme.example", "SFDC_JWT_KEY_FILE", "$KEY").toString());
    assertThat(rendered).doesNotContain(ACCESS).doesNotContain(REFRESH).doesNotContain(CLIENT_SECRET)
        .doesNotContain(COMMAND).doesNotContain("clari-tok-secret").doesNotContain("clari-secret-path")
        .doesNotContain(TestPem.pem(keys).split("\\n")[1]).contains("***");
  }

  @Test
  void everyVariableIsDocumentedForHelp() {
    for (ConfigVariable v : ConfigVariable.values()) {
      assertThat(v.description()).as(v.name()).isNotBlank();
    }
    assertThat(ConfigVariable.SFDC_LOGIN_URL.defaultValue()).contains("https://login.salesforce.com");
    for (ConfigVariable secret : new ConfigVariable[] {ConfigVariable.SFDC_ACCESS_TOKEN, ConfigVariable.SFDC_CLIENT_SECRET,
        ConfigVariable.SFDC_REFRESH_TOKEN, ConfigVariable.SFDC_ACCESS_TOKEN_COMMAND, ConfigVariable.CLARI_API_TOKEN,
        ConfigVariable.CLARI_API_TOKEN_COMMAND}) {
      assertThat(secret.secret()).as(secret.name()).isTrue();
    }
    assertThat(ConfigVariable.SFDC_JWT_KEY_FILE.secret()).as("a path, shown in errors").isFalse();
  }
}
