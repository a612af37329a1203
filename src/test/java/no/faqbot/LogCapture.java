package no.faqbot;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * What the server logs while open: Logback's console appender writes to whatever {@code System.err}
 * is at the time of each line, so this tees it into a buffer (the console still shows everything).
 */
public final class LogCapture implements AutoCloseable {
  private final PrintStream original = System.err;
  private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

  public LogCapture() {
    OutputStream both =
        new OutputStream() {
          @Override
          public void write(int b) {
            original.write(b);
            synchronized (captured) {
              captured.write(b);
            }
          }

          @Override
          public void write(byte[] b, int off, int len) {
            original.write(b, off, len);
            synchronized (captured) {
              captured.write(b, off, len);
            }
          }
        };
    System.setErr(new PrintStream(both, true, StandardCharsets.UTF_8));
  }

  public String text() {
    synchronized (captured) {
      return captured.toString(StandardCharsets.UTF_8);
    }
  }

  /** How many logged lines contain {@code text}. */
  public long count(String text) {
    return text().lines().filter(l -> l.contains(text)).count();
  }

  /** The logged stack traces' lines ({@code \tat ...}, {@code Caused by}), empty when none. */
  public String stackTraces() {
    return String.join(
        "\n",
        text()
            .lines()
            .filter(
                l ->
                    l.startsWith("\tat ")
                        || l.startsWith("Caused by")
                        || l.contains("Exception handler"))
            .toList());
  }

  @Override
  public void close() {
    System.setErr(original);
  }
}
