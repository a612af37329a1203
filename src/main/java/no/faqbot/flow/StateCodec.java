package no.faqbot.flow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns a {@link FlowState} into the JSON the client keeps and back. The JSON is signed
 * (HMAC-SHA256 with the server's secret), so a changed or forged state is refused with a clear
 * message instead of steering the engine somewhere it should not go. Replicas share the secret to
 * continue each other's conversations. The time it was issued is signed with it: a state older than
 * its maximum age is refused like a stale one, so a copied state cannot be replayed for ever.
 */
public final class StateCodec {
  /** A conversation left for a day starts again. */
  public static final Duration MAX_AGE = Duration.ofHours(24);

  private static final String SIG = "sig";
  private static final String ISSUED = "issued";
  // Sorted map keys: the signed bytes must not depend on a map's iteration order in this JVM.
  private final ObjectMapper json =
      new ObjectMapper()
          .enable(com.fasterxml.jackson.databind.SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
  private final byte[] secret;
  private final Clock clock;
  private final Duration maxAge;

  /** A Mac per thread: looking one up and keying it costs more than the signing itself. */
  private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

  public StateCodec(byte[] secret) {
    this(secret, Clock.systemUTC(), MAX_AGE);
  }

  public StateCodec(byte[] secret, Clock clock, Duration maxAge) {
    if (secret.length < 16) {
      throw new IllegalArgumentException("the state secret must be at least 16 bytes");
    }
    this.secret = secret.clone();
    this.clock = clock;
    this.maxAge = maxAge;
  }

  public JsonNode encode(FlowState state) {
    ObjectNode node = json.valueToTree(state);
    node.put(ISSUED, clock.instant().getEpochSecond());
    node.put(SIG, sign(node));
    return node;
  }

  /**
   * @throws InvalidStateException for anything but a state this server (or a replica) signed
   */
  public FlowState decode(JsonNode node) {
    if (node == null || !node.isObject() || !node.path(SIG).isTextual()) {
      throw new InvalidStateException(
          "state must be the object the last reply gave; send it back unchanged");
    }
    ObjectNode copy = ((ObjectNode) node).deepCopy();
    String sig = copy.remove(SIG).asText();
    JsonNode issued = copy.remove(ISSUED);
    if (issued == null || !issued.canConvertToLong()) {
      throw new InvalidStateException(
          "state is not a conversation state; send back the one from the last reply");
    }
    FlowState state;
    try {
      state = json.treeToValue(copy, FlowState.class);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new InvalidStateException(
          "state is not a conversation state; send back the one from the last reply");
    }
    ObjectNode canonical = json.valueToTree(state);
    canonical.put(ISSUED, issued.asLong());
    if (!MessageDigest.isEqual(
        sign(canonical).getBytes(StandardCharsets.US_ASCII),
        sig.getBytes(StandardCharsets.US_ASCII))) {
      throw new InvalidStateException(
          "state was changed or comes from another server; start the conversation again");
    }
    Duration age = Duration.between(Instant.ofEpochSecond(issued.asLong()), clock.instant());
    if (age.compareTo(maxAge) > 0) {
      throw new InvalidStateException(
          "this conversation is more than "
              + maxAge.toHours()
              + " hours old and has expired; start the conversation again");
    }
    return state;
  }

  private String sign(ObjectNode node) {
    try {
      byte[] bytes = json.writeValueAsBytes(node);
      // doFinal resets the Mac for the next use on this thread.
      return Base64.getUrlEncoder().withoutPadding().encodeToString(macs.get().doFinal(bytes));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("signing a conversation state failed", e);
    }
  }

  private Mac newMac() {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
    }
  }
}
