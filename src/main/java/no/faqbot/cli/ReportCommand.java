package no.faqbot.cli;

import java.sql.SQLException;
import java.time.Clock;
import no.faqbot.format.Languages;
import no.faqbot.insights.InsightsQueries;
import no.faqbot.insights.InsightsReport;
import no.faqbot.insights.Period;
import no.faqbot.insights.ReportPrinter;
import no.faqbot.store.Store;
import no.faqbot.store.StoreUnavailableException;
import org.apache.commons.cli.Options;

/** {@code faqbot report}: the insights figures, as the staff pages show them, on the console. */
final class ReportCommand {
  private ReportCommand() {}

  static Command command() {
    return new Command(
        "report",
        "Print the insights figures (as on /staff/insights) from the event store"
            + " (FAQBOT_DATA, or FAQBOT_DATABASE_URL).",
        "",
        0,
        new Options()
            .addOption(Commands.valued("days", "N", "the last N days (default 30)"))
            .addOption(Commands.valued("lang", "LANG", "one language (nb, en); default all")),
        "",
        ReportCommand::report);
  }

  private static int report(Invocation in) {
    int days = Period.days(in.option("days", "30"), 30);
    String lang = in.option("lang", null);
    if (lang != null && !Languages.isSupported(lang)) {
      throw new IllegalArgumentException(
          "unsupported --lang '" + lang + "': use one of " + Languages.ALL);
    }
    Period period = Period.lastDays(days, Clock.systemUTC());
    try (Store store = Store.open(in.storeSettings(), in.data())) {
      ReportPrinter.print(
          new InsightsQueries(store)
              .report(
                  period.from(),
                  period.to(),
                  days,
                  lang,
                  new InsightsReport.Recording(true, 0, 0, store.description(), 0)),
          in.out());
      return 0;
    } catch (StoreUnavailableException | SQLException e) {
      in.err().println("faqbot report: " + e.getMessage());
      return 2;
    }
  }
}
