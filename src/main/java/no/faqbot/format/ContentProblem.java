package no.faqbot.format;

/** One thing wrong in a content file, printed as {@code path:line: message}. */
public record ContentProblem(String path, int line, String message) {
  public ContentProblem {
    line = Math.max(line, 1);
  }

  @Override
  public String toString() {
    return path + ":" + line + ": " + message;
  }
}
