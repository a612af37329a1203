package no.faqbot.web;

import io.javalin.security.RouteRole;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

/**
 * What a staff member may do, each role including the ones before it: an agent searches and reads
 * insights, an editor also changes content (alternatives, dismissals, skeletons, content status),
 * an admin also handles personal data (deleting conversations, exports) and accounts. Staff routes
 * declare the least role they need; the staff guard compares it with the logged-in person's.
 */
public enum StaffRole implements RouteRole {
  AGENT,
  EDITOR,
  ADMIN;

  /** Whether someone with this role may use a route that needs {@code needed}. */
  public boolean covers(StaffRole needed) {
    return compareTo(needed) >= 0;
  }

  /**
   * The least role a route declared; {@link #ADMIN} when it declared none, so a route someone
   * forgot to mark is closed rather than open.
   */
  public static StaffRole needed(Set<RouteRole> declared) {
    return declared.stream()
        .filter(StaffRole.class::isInstance)
        .map(StaffRole.class::cast)
        .min(StaffRole::compareTo)
        .orElse(ADMIN);
  }

  /** The role's name as typed and stored: {@code agent}, {@code editor}, {@code admin}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * @throws IllegalArgumentException naming the roles there are, when {@code text} is none of them
   */
  public static StaffRole parse(String text) {
    for (StaffRole role : values()) {
      if (role.id().equals(text == null ? null : text.strip().toLowerCase(Locale.ROOT))) {
        return role;
      }
    }
    throw new IllegalArgumentException(
        "unknown role '"
            + text
            + "': use one of "
            + String.join(", ", Arrays.stream(values()).map(StaffRole::id).toList()));
  }
}
