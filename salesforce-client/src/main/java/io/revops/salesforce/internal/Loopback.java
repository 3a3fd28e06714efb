package io.revops.salesforce.internal;

import okhttp3.HttpUrl;

/** The transport rule: a token travels only over https, or plain http to a loopback host. */
public final class Loopback {
  private Loopback() {}

  /** True for 127.0.0.0/8, ::1 and localhost, judged from the URL text alone (no DNS lookup). */
  public static boolean isLoopbackHost(String host) {
    String h = host.toLowerCase(java.util.Locale.ROOT);
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    if (h.equals("localhost") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1")) {
      return true;
    }
    String[] octets = h.split("\\.", -1);
    if (octets.length != 4 || !octets[0].equals("127")) {
      return false;
    }
    for (String octet : octets) {
      if (!octet.matches("\\d{1,3}") || Integer.parseInt(octet) > 255) {
        return false;
      }
    }
    return true;
  }

  /** True when a bearer token may be sent to {@code url}. */
  public static boolean maySendToken(HttpUrl url) {
    return url.isHttps() || isLoopbackHost(url.host());
  }

  /** The refusal message for {@code url}. */
  public static String refusal(HttpUrl url) {
    return "Refusing to send the Salesforce access token over plain http to " + url.host()
        + ": use an https:// instance URL (plain http is allowed only for loopback hosts such as localhost)";
  }
}
