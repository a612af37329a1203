package no.faqbot.web;

import io.javalin.http.Context;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * Who a request comes from, for per-client limits and the login lockout: the peer's address, or,
 * when the peer is a trusted reverse proxy ({@code FAQBOT_TRUSTED_PROXIES}), the nearest {@code
 * X-Forwarded-For} hop that is not itself a trusted proxy. Hops further left are whatever the
 * client chose to send, so they are never believed.
 */
public final class ClientAddress {
  private final List<Range> trusted;

  private ClientAddress(List<Range> trusted) {
    this.trusted = List.copyOf(trusted);
  }

  /** Believes no proxy: every request is keyed by its peer address. */
  public static ClientAddress direct() {
    return new ClientAddress(List.of());
  }

  /**
   * {@code spec}: comma-separated addresses or CIDR ranges ({@code 127.0.0.1, 10.0.0.0/8, ::1});
   * null or blank trusts none.
   *
   * @throws IllegalArgumentException naming {@code FAQBOT_TRUSTED_PROXIES} and the bad part
   */
  public static ClientAddress trusting(String spec) {
    List<Range> ranges = new ArrayList<>();
    if (spec != null) {
      for (String part : spec.split(",")) {
        if (!part.isBlank()) {
          ranges.add(Range.parse(part.strip()));
        }
      }
    }
    return new ClientAddress(ranges);
  }

  /** The client's address as text, as the key for its limits. */
  public String of(Context ctx) {
    return of(ctx.req().getRemoteAddr(), ctx.header("X-Forwarded-For"));
  }

  /** The client behind {@code peer}, given the {@code X-Forwarded-For} header it sent (or null). */
  public String of(String peer, String forwardedFor) {
    if (trusted.isEmpty() || forwardedFor == null || !isTrusted(peer)) {
      return peer;
    }
    String[] hops = forwardedFor.split(",");
    for (int i = hops.length - 1; i >= 0; i--) {
      String hop = hops[i].strip();
      if (hop.isEmpty() || hop.length() > 45) {
        return peer; // garbage from the proxy's own client: fall back to what we know
      }
      if (!isTrusted(hop)) {
        return hop;
      }
    }
    return peer;
  }

  private boolean isTrusted(String address) {
    byte[] bytes = literal(address);
    if (bytes == null) {
      return false;
    }
    for (Range range : trusted) {
      if (range.contains(bytes)) {
        return true;
      }
    }
    return false;
  }

  /** The bytes of an IP literal, never a DNS look-up; null when it is not one. */
  static byte[] literal(String text) {
    String s =
        text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
    boolean v4 = s.matches("\\d{1,3}(\\.\\d{1,3}){3}");
    boolean v6 = s.contains(":") && s.matches("[0-9A-Fa-f:.%a-zA-Z0-9]+");
    if (!v4 && !v6) {
      return null;
    }
    try {
      return InetAddress.getByName(s).getAddress();
    } catch (UnknownHostException e) {
      return null;
    }
  }

  private record Range(byte[] network, int bits) {
    static Range parse(String part) {
      int slash = part.indexOf('/');
      String address = slash < 0 ? part : part.substring(0, slash);
      byte[] bytes = literal(address);
      if (bytes == null) {
        throw new IllegalArgumentException(
            "FAQBOT_TRUSTED_PROXIES: '"
                + part
                + "' is not an IP address or CIDR range (example: 127.0.0.1,10.0.0.0/8)");
      }
      int bits = bytes.length * 8;
      if (slash >= 0) {
        try {
          bits = Integer.parseInt(part.substring(slash + 1));
        } catch (NumberFormatException e) {
          bits = -1;
        }
        if (bits < 0 || bits > bytes.length * 8) {
          throw new IllegalArgumentException(
              "FAQBOT_TRUSTED_PROXIES: '" + part + "' has a bad prefix length");
        }
      }
      return new Range(bytes, bits);
    }

    boolean contains(byte[] address) {
      if (address.length != network.length) {
        return false;
      }
      BigInteger mask =
          bits == 0
              ? BigInteger.ZERO
              : BigInteger.ONE
                  .shiftLeft(bits)
                  .subtract(BigInteger.ONE)
                  .shiftLeft(network.length * 8 - bits);
      return new BigInteger(1, address).and(mask).equals(new BigInteger(1, network).and(mask));
    }
  }
}
