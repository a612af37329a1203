package no.faqbot.cases;

/**
 * A case as the store keeps it.
 *
 * @param status {@code new} (kept, not handed over), {@code queued} (waiting for delivery), {@code
 *     delivered}, {@code failed} (delivery gave up) or {@code resolved}
 * @param channel how it was handed over ({@code webhook}, {@code zendesk}, {@code freshdesk},
 *     {@code smtp}), or null
 */
public record KeptCase(
    String caseRef,
    long createdAt,
    long updatedAt,
    String conversation,
    String lang,
    String status,
    String channel,
    CaseRequest request) {
  public static final String NEW = "new";
  public static final String QUEUED = "queued";
  public static final String DELIVERED = "delivered";
  public static final String FAILED = "failed";
  public static final String RESOLVED = "resolved";

  /** Every status, as {@code GET /staff/api/cases?status=} takes it. */
  public static final java.util.List<String> STATUSES =
      java.util.List.of(NEW, QUEUED, DELIVERED, FAILED, RESOLVED);
}
