package no.faqbot.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.router.Endpoint;
import io.javalin.router.ParsedEndpoint;
import io.javalin.security.Roles;
import io.javalin.security.RouteRole;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import no.faqbot.App;
import no.faqbot.TestSettings;
import no.faqbot.web.StaffRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The guard lets a route that declares no {@link StaffRole} through, so a staff route that forgot
 * its role would be open to anyone: every route of the whole server under {@code /staff} declares
 * one, but the login's own.
 */
class StaffRoutesDeclareRolesTest {
  private static final Set<String> LOGIN =
      Set.of(LoginForm.PATH, OidcLogin.START, OidcSettings.CALLBACK);

  @Test
  void every_staff_route_but_the_login_declares_the_role_it_needs(@TempDir Path dir) {
    try (App app = App.start(TestSettings.in(dir).staff().build())) {
      List<Endpoint> staff =
          app.server().unsafe.internalRouter.allHttpHandlers().stream()
              .map((ParsedEndpoint p) -> p.endpoint)
              .filter(e -> e.path.matches("/staff(/.*)?") && !LOGIN.contains(e.path))
              .toList();
      assertTrue(staff.size() > 20, "the staff routes of every feature: " + staff.size());
      List<String> open =
          staff.stream()
              .filter(e -> roles(e).stream().noneMatch(StaffRole.class::isInstance))
              .map(e -> e.method + " " + e.path)
              .toList();
      assertEquals(List.of(), open, "staff routes without a role");
    }
  }

  private static Set<RouteRole> roles(Endpoint endpoint) {
    Roles roles = endpoint.metadata(Roles.class);
    return roles == null ? Set.of() : roles.getRoles();
  }
}
