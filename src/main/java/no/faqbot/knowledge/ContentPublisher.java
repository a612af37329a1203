package no.faqbot.knowledge;

/**
 * The one way a content change goes live, shared by staff actions, the editor and the command line,
 * so that every writer is validated, serialised with reloads and (where a revision log exists)
 * recorded.
 */
public interface ContentPublisher {
  /** The result of a publish: the revision now served here and its content fingerprint. */
  record Published(long revision, String fingerprint) {}

  /** The revision this replica serves; 0 where content comes from the folder alone. */
  long servedRevision();

  /**
   * Publishes {@code change} and returns once this replica serves it.
   *
   * @throws StaleRevisionException when the change was made on an older revision than the newest
   * @throws ContentRejectedException when the content with the change has problems; then nothing
   *     changes
   */
  Published publish(ContentChange change);
}
