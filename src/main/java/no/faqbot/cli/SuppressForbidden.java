package no.faqbot.cli;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Allows what the build's forbidden-apis check refuses elsewhere, where it is the point: the
 * command line's entry point hands {@code System.out} and {@code System.err} to the commands. Say
 * why next to each use.
 */
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.METHOD, ElementType.TYPE, ElementType.CONSTRUCTOR, ElementType.FIELD})
public @interface SuppressForbidden {
  /** Why the forbidden call is right here. */
  String reason();
}
