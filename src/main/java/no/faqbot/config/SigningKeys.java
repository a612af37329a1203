package no.faqbot.config;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import no.faqbot.store.SharedSecrets;
import no.faqbot.store.Store;

/**
 * The keys that sign what the server hands out and takes back (conversation state, OpenID Connect
 * logins under way): the one configured, else one kept in the store, made by whichever replica came
 * first so that all agree and a restart breaks nothing, else a random one for this process.
 */
public final class SigningKeys {
  /** The name of the flow-state signing key among the store's shared secrets. */
  private static final String FLOW_STATE = "flow-state";

  /** The name of the key that signs OpenID Connect logins under way. */
  private static final String OIDC_LOGIN = "oidc-login";

  private final String stateSecret;
  private final Store store;

  /**
   * @param stateSecret {@code FAQBOT_STATE_SECRET}; null or blank when unset
   * @param store the event store; null when there is none
   */
  public SigningKeys(String stateSecret, Store store) {
    this.stateSecret = stateSecret;
    this.store = store;
  }

  /** Signs conversation state: {@code FAQBOT_STATE_SECRET} when set, else a shared key. */
  public byte[] flowState() {
    if (stateSecret != null && !stateSecret.isBlank()) {
      return stateSecret.getBytes(StandardCharsets.UTF_8);
    }
    return shared(FLOW_STATE);
  }

  /** Signs OpenID Connect logins under way; replicas share it, so any may take the return. */
  public byte[] oidcLogin() {
    return shared(OIDC_LOGIN);
  }

  private byte[] shared(String name) {
    if (store != null) {
      return new SharedSecrets(store).get(name);
    }
    byte[] random = new byte[32];
    new SecureRandom().nextBytes(random);
    return random;
  }
}
