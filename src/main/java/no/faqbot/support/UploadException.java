package no.faqbot.support;

/**
 * An upload that is refused: {@code status} is 400 (too many), 413 (too large) or 415 (not an
 * image).
 */
public final class UploadException extends IllegalArgumentException {
  private final int status;

  public UploadException(int status, String message) {
    super(message);
    this.status = status;
  }

  public int status() {
    return status;
  }
}
