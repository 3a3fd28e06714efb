package io.revops.core.config;

import static io.revops.core.config.ConfigVariable.SFDC_ACCESS_TOKEN;
import static io.revops.core.config.ConfigVariable.SFDC_ACCESS_TOKEN_COMMAND;
import static io.revops.core.config.ConfigVariable.SFDC_CLIENT_ID;
import static io.revops.core.config.ConfigVariable.SFDC_CLIENT_SECRET;
import static io.revops.core.config.ConfigVariable.SFDC_JWT_KEY_FILE;
import static io.revops.core.config.ConfigVariable.SFDC_LOGIN_URL;
import static io.revops.core.config.ConfigVariable.SFDC_REFRESH_TOKEN;
import static io.revops.core.config.ConfigVariable.SFDC_USERNAME;

import io.revops.salesforce.auth.JwtBearerFlow;
import java.net.URI;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Chooses the {@link SalesforceCredential} from which variables are set. One variable selects each way
 * ({@code SFDC_ACCESS_TOKEN_COMMAND}, {@code SFDC_JWT_KEY_FILE}, {@code SFDC_REFRESH_TOKEN},
 * {@code SFDC_ACCESS_TOKEN}, else {@code SFDC_CLIENT_SECRET} for client credentials); a variable the chosen
 * way does not use is an error rather than silently ignored, because it usually means two half-finished
 * setups. Messages name variables, never values of secret ones.
 */
final class SalesforceCredentials {
  /** Every variable that belongs to a Salesforce credential. */
  static final Set<ConfigVariable> VARIABLES = EnumSet.of(SFDC_ACCESS_TOKEN, SFDC_ACCESS_TOKEN_COMMAND,
      SFDC_CLIENT_ID, SFDC_CLIENT_SECRET, SFDC_REFRESH_TOKEN, SFDC_USERNAME, SFDC_JWT_KEY_FILE, SFDC_LOGIN_URL);
  /** Variables of the username-password flow, which is refused with an explanation. */
  static final List<String> USERNAME_PASSWORD = List.of("SFDC_PASSWORD", "SFDC_SECURITY_TOKEN");

  static final String OPTIONS = "choose one way to authenticate: SFDC_REFRESH_TOKEN with SFDC_CLIENT_ID (and"
      + " SFDC_CLIENT_SECRET if the app requires it) for the refresh-token flow; SFDC_JWT_KEY_FILE with"
      + " SFDC_CLIENT_ID and SFDC_USERNAME for the JWT bearer flow; SFDC_CLIENT_ID with SFDC_CLIENT_SECRET for"
      + " the client-credentials flow; SFDC_ACCESS_TOKEN_COMMAND for a token from a secret store; or"
      + " SFDC_ACCESS_TOKEN for a static token that cannot be refreshed";
  private static final Pattern NO_SPACES = Pattern.compile("\\S+");

  private SalesforceCredentials() {}

  /** The credential variables that are set, in declaration order. */
  static Set<ConfigVariable> present(EnvironmentReader env) {
    Set<ConfigVariable> set = EnumSet.noneOf(ConfigVariable.class);
    for (ConfigVariable v : VARIABLES) {
      if (env.string(v.name()).isPresent()) {
        set.add(v);
      }
    }
    return set;
  }

  /** Refuses the username-password flow wherever its variables appear. */
  static void refuseUsernamePassword(EnvironmentReader env) {
    for (String name : USERNAME_PASSWORD) {
      if (env.string(name).isPresent()) {
        throw new ConfigurationException(name, "the username-password flow is not supported: Salesforce blocks it"
            + " by default in new orgs and is retiring it. Unset " + name + " and use the JWT bearer flow"
            + " (SFDC_CLIENT_ID, SFDC_USERNAME, SFDC_JWT_KEY_FILE) or the client-credentials flow (SFDC_CLIENT_ID,"
            + " SFDC_CLIENT_SECRET) for an unattended integration user");
      }
    }
  }

  /** The credential, given that at least one credential variable is set and the instance URL is known. */
  static SalesforceCredential choose(EnvironmentReader env, Set<ConfigVariable> set, URI instanceUrl) {
    if (set.contains(SFDC_ACCESS_TOKEN_COMMAND)) {
      onlyWith(set, SFDC_ACCESS_TOKEN_COMMAND, "the access token command");
      return new SalesforceCredential.Command(env.secret(SFDC_ACCESS_TOKEN_COMMAND.name()).orElseThrow());
    }
    if (set.contains(SFDC_JWT_KEY_FILE)) {
      onlyWith(set, SFDC_JWT_KEY_FILE, "the JWT bearer flow", SFDC_CLIENT_ID, SFDC_USERNAME, SFDC_LOGIN_URL);
      String clientId = required(env, SFDC_CLIENT_ID, SFDC_JWT_KEY_FILE, "the app's consumer key");
      String username = required(env, SFDC_USERNAME, SFDC_JWT_KEY_FILE, "the Salesforce username tokens are issued for");
      return new SalesforceCredential.JwtBearer(loginUrl(env), clientId, username, keyFile(env));
    }
    if (set.contains(SFDC_REFRESH_TOKEN)) {
      onlyWith(set, SFDC_REFRESH_TOKEN, "the refresh-token flow", SFDC_CLIENT_ID, SFDC_CLIENT_SECRET, SFDC_ACCESS_TOKEN,
          SFDC_LOGIN_URL);
      String clientId = required(env, SFDC_CLIENT_ID, SFDC_REFRESH_TOKEN, "the app's consumer key");
      return new SalesforceCredential.RefreshToken(loginUrl(env), clientId, env.secret(SFDC_CLIENT_SECRET.name()),
          env.secret(SFDC_REFRESH_TOKEN.name()).orElseThrow(), env.secret(SFDC_ACCESS_TOKEN.name()));
    }
    if (set.contains(SFDC_ACCESS_TOKEN)) {
      if (set.contains(SFDC_CLIENT_SECRET)) {
        throw new ConfigurationException(SFDC_CLIENT_SECRET.name(), "is set together with SFDC_ACCESS_TOKEN: for the"
            + " client-credentials flow unset SFDC_ACCESS_TOKEN; to refresh the access token also set"
            + " SFDC_REFRESH_TOKEN; for a static token unset SFDC_CLIENT_SECRET");
      }
      if (set.contains(SFDC_CLIENT_ID)) {
        throw new ConfigurationException(SFDC_CLIENT_ID.name(), "is set with SFDC_ACCESS_TOKEN but SFDC_REFRESH_TOKEN"
            + " is not: set SFDC_REFRESH_TOKEN to refresh the token automatically, or unset SFDC_CLIENT_ID to use"
            + " the static token");
      }
      onlyWith(set, SFDC_ACCESS_TOKEN, "a static access token");
      return new SalesforceCredential.StaticToken(env.secret(SFDC_ACCESS_TOKEN.name()).orElseThrow());
    }
    if (set.contains(SFDC_CLIENT_SECRET)) {
      onlyWith(set, SFDC_CLIENT_SECRET, "the client-credentials flow", SFDC_CLIENT_ID, SFDC_LOGIN_URL);
      String clientId = required(env, SFDC_CLIENT_ID, SFDC_CLIENT_SECRET, "the app's consumer key");
      return new SalesforceCredential.ClientCredentials(myDomain(env, set, instanceUrl), clientId,
          env.secret(SFDC_CLIENT_SECRET.name()).orElseThrow());
    }
    ConfigVariable first = set.iterator().next();
    throw new ConfigurationException(first.name(), "is set, but no Salesforce credential is: " + OPTIONS);
  }

  /** Fails when a variable the chosen way does not use is set too. */
  private static void onlyWith(Set<ConfigVariable> set, ConfigVariable selector, String way, ConfigVariable... used) {
    Set<ConfigVariable> extra = EnumSet.copyOf(set);
    extra.remove(selector);
    List.of(used).forEach(extra::remove);
    if (!extra.isEmpty()) {
      String names = extra.stream().map(Enum::name).collect(Collectors.joining(", "));
      throw new ConfigurationException(selector.name(), "selects " + way + ", but " + names
          + (extra.size() == 1 ? " is" : " are") + " set too and " + way + " does not use "
          + (extra.size() == 1 ? "it" : "them") + ". Unset what belongs to another way to authenticate ("
          + OPTIONS + ")");
    }
  }

  private static String required(EnvironmentReader env, ConfigVariable variable, ConfigVariable selector, String what) {
    String value = env.string(variable.name()).orElseThrow(() -> new ConfigurationException(variable.name(),
        "is not set, but " + selector.name() + " is: set it to " + what));
    if (!NO_SPACES.matcher(value).matches()) {
      throw new ConfigurationException(variable.name(), "contains spaces: set it to " + what);
    }
    return value;
  }

  private static URI loginUrl(EnvironmentReader env) {
    return env.url(SFDC_LOGIN_URL.name(), SFDC_LOGIN_URL.defaultValue().orElseThrow());
  }

  private static Path keyFile(EnvironmentReader env) {
    String value = env.string(SFDC_JWT_KEY_FILE.name()).orElseThrow();
    try {
      Path path = Path.of(value);
      JwtBearerFlow.readPrivateKey(path); // fail at start, not at the first call
      return path;
    } catch (InvalidPathException e) {
      throw new ConfigurationException(SFDC_JWT_KEY_FILE.name(), "'" + value + "' is not a file path");
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException(SFDC_JWT_KEY_FILE.name(), e.getMessage());
    }
  }

  /** Client credentials work only at the org's My Domain: SFDC_LOGIN_URL when it names one, else the instance. */
  private static URI myDomain(EnvironmentReader env, Set<ConfigVariable> set, URI instanceUrl) {
    if (!set.contains(SFDC_LOGIN_URL)) {
      return instanceUrl;
    }
    URI login = loginUrl(env);
    String host = login.getHost().toLowerCase(Locale.ROOT);
    if (host.equals("login.salesforce.com") || host.equals("test.salesforce.com")) {
      throw new ConfigurationException(SFDC_LOGIN_URL.name(), "'" + login + "' is a shared login host, but the"
          + " client-credentials flow works only at your org's My Domain: unset SFDC_LOGIN_URL to use"
          + " SFDC_INSTANCE_URL, or set it to a URL such as https://acme.my.salesforce.com");
    }
    return login;
  }
}
