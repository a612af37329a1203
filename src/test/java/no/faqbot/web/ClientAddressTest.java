package no.faqbot.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ClientAddressTest {
  @Test
  void without_trusted_proxies_the_header_is_ignored() {
    assertEquals("10.1.1.1", ClientAddress.direct().of("10.1.1.1", "1.2.3.4"));
  }

  @Test
  void a_trusted_proxy_gives_the_nearest_untrusted_hop() {
    ClientAddress proxies = ClientAddress.trusting("127.0.0.1, 10.0.0.0/8");
    assertEquals("203.0.113.9", proxies.of("127.0.0.1", "198.51.100.1, 203.0.113.9"));
    assertEquals("203.0.113.9", proxies.of("127.0.0.1", "203.0.113.9, 10.2.3.4"));
  }

  @Test
  void an_untrusted_peer_cannot_choose_its_key() {
    ClientAddress proxies = ClientAddress.trusting("127.0.0.1");
    assertEquals("192.0.2.7", proxies.of("192.0.2.7", "203.0.113.9"));
  }

  @Test
  void garbage_in_the_header_falls_back_to_the_peer() {
    ClientAddress proxies = ClientAddress.trusting("::1");
    assertEquals("0:0:0:0:0:0:0:0/64", proxies.of("0:0:0:0:0:0:0:1", "x".repeat(100)));
  }

  @Test
  void a_bad_setting_names_the_variable() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ClientAddress.trusting("proxy.example"));
    assertEquals(true, e.getMessage().startsWith("FAQBOT_TRUSTED_PROXIES"));
  }

  @Test
  void ipv6_clients_are_keyed_by_their_network_and_ipv4_ones_by_their_address() {
    ClientAddress direct = ClientAddress.direct();
    assertEquals("2001:db8:1:2:0:0:0:0/64", direct.of("2001:db8:1:2:aaaa::1", null));
    assertEquals("2001:db8:1:2:0:0:0:0/64", direct.of("[2001:db8:1:2::ffff]", null));
    assertEquals("2001:db8:1:3:0:0:0:0/64", direct.of("2001:db8:1:3::1", null));
    assertEquals("10.1.1.1", direct.of("10.1.1.1", null));
    assertEquals("10.1.1.1", direct.of("::ffff:10.1.1.1", null), "IPv4-mapped is IPv4");
    ClientAddress behindProxy = ClientAddress.trusting("127.0.0.1", 48);
    assertEquals("2001:db8:1:0:0:0:0:0/48", behindProxy.of("127.0.0.1", "2001:db8:1:ffff::9"));
    assertEquals("2001:db8:0:0:0:0:0:9", ClientAddress.trusting(null, 128).of("2001:db8::9", null));
    assertThrows(IllegalArgumentException.class, () -> ClientAddress.trusting(null, 0));
  }
}
