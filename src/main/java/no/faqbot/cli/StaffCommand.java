package no.faqbot.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import no.faqbot.config.StaffCatalogue;
import no.faqbot.insights.AuditLog;
import no.faqbot.staff.PasswordHash;
import no.faqbot.staff.StaffAccount;
import no.faqbot.staff.StaffAccounts;
import no.faqbot.store.Store;
import no.faqbot.store.StoreUnavailableException;
import no.faqbot.web.StaffRole;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * {@code faqbot staff add|list|remove|role}: named staff accounts in the store the server uses
 * (FAQBOT_DATA or FAQBOT_DATABASE_URL); a running server sees a change at the next request. Each
 * change is written to the audit log as {@code cli:<os user>}.
 */
final class StaffCommand {
  private StaffCommand() {}

  static Command command() {
    return new Command(
        "staff",
        "Manage named staff accounts: add NAME --role ROLE, list, remove NAME, role NAME ROLE.",
        "ACTION [NAME [ROLE]]...",
        1,
        new Options()
            .addOption(
                Option.builder()
                    .longOpt("role")
                    .hasArg()
                    .argName("ROLE")
                    .desc("for add: agent, editor or admin (default agent)")
                    .get())
            .addOption(
                Option.builder()
                    .longOpt("password-stdin")
                    .desc("for add: read the password from the first line of standard input")
                    .get())
            .addOption(
                Option.builder()
                    .longOpt("password-env")
                    .hasArg()
                    .argName("VARIABLE")
                    .desc("for add: take the password from this environment variable")
                    .get()),
        """
        Roles: agent (search and insights), editor (also content actions: add alternative,
        dismiss, new-entry skeleton, content status), admin (also personal data: delete
        conversations, exports). Without --password-stdin or --password-env, add makes up a
        password and prints it once. The login from FAQBOT_STAFF_USER / FAQBOT_STAFF_PASSWORD
        stays an admin beside these accounts.
        """,
        StaffCommand::run);
  }

  private static int run(Invocation in) throws Exception {
    List<String> args = in.positional();
    String action = args.get(0);
    int wanted =
        switch (action) {
          case "list" -> 1;
          case "add", "remove" -> 2;
          case "role" -> 3;
          default ->
              throw new IllegalArgumentException(
                  "unknown action '" + action + "': use add, list, remove or role");
        };
    if (args.size() != wanted) {
      throw new IllegalArgumentException(
          "staff " + action + " takes " + (wanted - 1) + " argument(s), got " + (args.size() - 1));
    }
    try (Store store = Store.open(in.storeSettings(), in.data())) {
      StaffAccounts accounts = new StaffAccounts(store.dataSource(), Clock.systemUTC());
      AuditLog audit = new AuditLog(store, Clock.systemUTC());
      String who = "cli:" + System.getProperty("user.name", "?");
      switch (action) {
        case "list" -> list(accounts, in);
        case "add" -> {
          String name = StaffAccount.checkName(args.get(1));
          if (name.equals(bootstrapUser(in))) {
            throw new IllegalArgumentException(
                "'" + name + "' is the login from FAQBOT_STAFF_USER, already an admin");
          }
          StaffRole role = StaffRole.parse(in.option("role", "agent"));
          String given = password(in);
          String password = given != null ? given : PasswordHash.randomPassword();
          accounts.add(name, role, PasswordHash.of(StaffAccount.checkPassword(password)));
          audit.add(who, "staff-add", name + " as " + role.id());
          in.out().println("added " + name + " as " + role.id());
          if (given == null) {
            // Shown once, here; only its hash is kept.
            in.out().println("password: " + password);
          }
        }
        case "remove" -> {
          String name = args.get(1);
          if (!accounts.remove(name)) {
            throw new IllegalArgumentException("no staff account '" + name + "'");
          }
          audit.add(who, "staff-remove", name);
          in.out().println("removed " + name);
        }
        default -> {
          String name = args.get(1);
          StaffRole role = StaffRole.parse(args.get(2));
          if (!accounts.setRole(name, role)) {
            throw new IllegalArgumentException("no staff account '" + name + "'");
          }
          audit.add(who, "staff-role", name + " is now " + role.id());
          in.out().println(name + " is now " + role.id());
        }
      }
      return 0;
    } catch (StoreUnavailableException | SQLException e) {
      in.err().println("faqbot staff: " + e.getMessage());
      return 2;
    }
  }

  private static void list(StaffAccounts accounts, Invocation in) throws SQLException {
    in.out().printf(Locale.ROOT, "%-32s %-7s %s%n", "name", "role", "created");
    for (StaffAccount a : accounts.list()) {
      in.out()
          .printf(
              Locale.ROOT,
              "%-32s %-7s %s%n",
              a.name(),
              a.role().id(),
              Instant.ofEpochMilli(a.created()).toString());
    }
  }

  /** The password from --password-env or --password-stdin; null to make one up. */
  private static String password(Invocation in) throws java.io.IOException {
    String variable = in.option("password-env", null);
    if (variable != null) {
      String value = in.env().get(variable);
      if (value == null) {
        throw new IllegalArgumentException(
            "--password-env " + variable + ": that variable is not set");
      }
      return value;
    }
    if (in.flag("password-stdin")) {
      String line =
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
      if (line == null) {
        throw new IllegalArgumentException("--password-stdin: standard input was empty");
      }
      return line;
    }
    return null;
  }

  private static String bootstrapUser(Invocation in) {
    return StaffCatalogue.STAFF_USER.valueOf(in.env().get(StaffCatalogue.STAFF_USER.variable()));
  }
}
