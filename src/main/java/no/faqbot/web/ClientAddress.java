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
  /**
   * An IPv6 client usually holds a whole /64 (one home or one server), and could use a new address
   * for every request: limits and lockouts key IPv6 clients by this prefix, IPv4 ones by the full
   * address.
   */
  public static final int DEFAULT_IPV6_PREFIX = 64;

  private final List<Range> trusted;
  private final int ipv6Prefix;

  private ClientAddress(List<Range> trusted, int ipv6Prefix) {
    if (ipv6Prefix < 1 || ipv6Prefix > 128) {
      throw new IllegalArgumentException(
          "FAQBOT_IPV6_PREFIX must be between 1 and 128, got " + ipv6Prefix);
    }
    this.trusted = List.copyOf(trusted);
    this.ipv6Prefix = ipv6Prefix;
  }

  /** Believes no proxy: every request is keyed by its peer address. */
  public static ClientAddress direct() {
    return new ClientAddress(List.of(), DEFAULT_IPV6_PREFIX);
  }

  /** {@link #trusting(String)} with IPv6 clients keyed by the first {@code ipv6Prefix} bits. */
  public static ClientAddress trusting(String spec, int ipv6Prefix) {
    return trusting(spec).ipv6Prefix(ipv6Prefix);
  }

  /** The same proxies trusted, with IPv6 clients keyed by the first {@code bits} bits. */
  public ClientAddress ipv6Prefix(int bits) {
    return new ClientAddress(trusted, bits);
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
    return new ClientAddress(ranges, DEFAULT_IPV6_PREFIX);
  }

  /** The client's address as text, as the key for its limits. */
  public String of(Context ctx) {
    return of(ctx.req().getRemoteAddr(), ctx.header("X-Forwarded-For"));
  }

  /**
   * The client behind {@code peer}, given the {@code X-Forwarded-For} header it sent (or null): an
   * IPv4 address, or an IPv6 network ({@code 2001:db8:1:2:0:0:0:0/64}).
   */
  public String of(String peer, String forwardedFor) {
    return key(address(peer, forwardedFor));
  }

  private String address(String peer, String forwardedFor) {
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

  /** An IPv6 address as its network of {@link #ipv6Prefix} bits; anything else as it is. */
  private String key(String address) {
    if (address == null || address.indexOf(':') < 0) {
      return address;
    }
    byte[] bytes = literal(address);
    if (bytes == null) {
      return address;
    }
    try {
      if (bytes.length == 4) {
        // An IPv4-mapped address (::ffff:10.1.1.1) is an IPv4 client: keyed whole, as IPv4.
        return InetAddress.getByAddress(bytes).getHostAddress();
      }
      for (int bit = ipv6Prefix; bit < 128; bit++) {
        bytes[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
      }
      String network = InetAddress.getByAddress(bytes).getHostAddress();
      return ipv6Prefix == 128 ? network : network + "/" + ipv6Prefix;
    } catch (UnknownHostException e) {
      return address;
    }
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
