package no.faqbot.staff;

import java.util.List;

/**
 * A message of the login page ({@link LoginMessage}) with its arguments, as the template shows it.
 * Public for the template engine, which calls its methods by reflection.
 */
public record LoginError(String key, List<String> args) {
  public LoginError {
    args = List.copyOf(args);
  }

  /** The arguments as the template's {@code #messages.msgWithParams} takes them. */
  public Object[] params() {
    return args.toArray();
  }
}
