package no.faqbot;

import java.nio.file.Path;
import no.faqbot.config.Settings;
import no.faqbot.store.StoreSettings;

/** Settings of one replica: its own index and data folder under a folder of its own. */
public final class ReplicaSettings {
  private ReplicaSettings() {}

  /**
   * Serves {@code content} with the staff login anna / "riktig hest", trusting 127.0.0.1's
   * X-Forwarded-For.
   *
   * @param store null for the embedded store under {@code dir/data}
   * @param stateSecret null to use the store's shared one
   */
  public static Settings of(Path dir, Path content, StoreSettings store, String stateSecret) {
    return TestSettings.in(dir)
        .content(content)
        .staff()
        .trustedProxies("127.0.0.1")
        .store(store)
        .stateSecret(stateSecret)
        .build();
  }
}
