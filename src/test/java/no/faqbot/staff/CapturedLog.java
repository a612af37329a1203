package no.faqbot.staff;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * What the server logs while some work runs (Logback's console appender writes to the System.err of
 * the moment).
 */
final class CapturedLog {
  /** Work that may throw, as a test's requests do. */
  interface Work {
    void run() throws Exception;
  }

  private CapturedLog() {}

  static String of(Work work) throws Exception {
    PrintStream err = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      work.run();
    } finally {
      System.setErr(err);
    }
    return captured.toString(StandardCharsets.UTF_8);
  }
}
