package no.faqbot.flow;

/** The inline fixture flow, for tests in other packages. */
public final class FlowFixturesAccess {
  public static final String GOOD = FlowFixtures.GOOD;

  private FlowFixturesAccess() {}
}
