package no.faqbot.ops;

/**
 * Which build is running: the jar's {@code Implementation-Version}, or {@code dev} from the classes
 * folder.
 */
public final class BuildInfo {
  private static final String VERSION =
      version(BuildInfo.class.getPackage().getImplementationVersion());

  private BuildInfo() {}

  public static String version() {
    return VERSION;
  }

  private static String version(String fromManifest) {
    return fromManifest == null || fromManifest.isBlank() ? "dev" : fromManifest;
  }
}
