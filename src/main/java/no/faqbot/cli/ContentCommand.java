package no.faqbot.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import no.faqbot.config.ServerCatalogue;
import no.faqbot.content.ContentFiles;
import no.faqbot.content.ContentLoader;
import no.faqbot.content.ContentSnapshot;
import no.faqbot.content.MarkdownRenderer;
import no.faqbot.format.ContentProblem;
import no.faqbot.revisions.ContentFolder;
import no.faqbot.revisions.Revision;
import no.faqbot.revisions.RevisionLog;
import no.faqbot.revisions.RevisionPublisher;
import no.faqbot.store.Store;
import no.faqbot.store.StoreUnavailableException;
import no.faqbot.store.Vendor;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * {@code faqbot content publish|pull|restore|history}: content revisions in the store the server
 * uses (FAQBOT_DATA or FAQBOT_DATABASE_URL). Every running replica serves a published revision
 * within seconds; files stay the way editors and git work.
 */
final class ContentCommand {
  private ContentCommand() {}

  private static final int HISTORY = 50;

  static Command command() {
    return new Command(
        "content",
        "Content revisions: publish [DIR] -m MESSAGE, pull DIR [--revision N], restore N, history.",
        "ACTION [DIR | N]...",
        1,
        new Options()
            .addOption(
                Option.builder("m")
                    .longOpt("message")
                    .hasArg()
                    .argName("MESSAGE")
                    .desc("for publish and restore: why, in your words (shown in the history)")
                    .get())
            .addOption(
                Option.builder()
                    .longOpt("revision")
                    .hasArg()
                    .argName("N")
                    .desc("for pull: which revision (default the newest)")
                    .get())
            .addOption(
                Option.builder()
                    .longOpt(ServerCatalogue.CONTENT.flag())
                    .hasArg()
                    .argName("DIR")
                    .desc(
                        "for publish without DIR: the folder (env FAQBOT_CONTENT, default content)")
                    .get()),
        """
        publish checks the folder like validate (problems as path:line: message, exit 1, nothing
        published) and makes it the newest revision; every running replica serves it within
        seconds (docs/deploy.md). pull writes a revision into DIR as files (content files in DIR
        that are not in it are deleted). restore publishes an old revision again as the newest.
        history lists the newest revisions: number, time (UTC), author, fingerprint, message.
        The store is FAQBOT_DATABASE_URL when set, else faqbot.db in FAQBOT_DATA; with the latter
        (one machine) publish and restore also write the content folder (--content).
        """,
        ContentCommand::run);
  }

  private static int run(Invocation in) throws Exception {
    List<String> args = in.positional();
    checkArguments(args.get(0), args.size());
    Path folder = null;
    Map<String, byte[]> files = null;
    if (args.get(0).equals("publish")) {
      folder = args.size() == 2 ? Path.of(args.get(1)) : in.content();
      if (!Files.isDirectory(folder)) {
        throw new NoSuchFileException(folder.toString());
      }
      // Checked before the store is opened: a broken folder needs no database to be told so.
      files = ContentFiles.files(folder);
      if (!valid(new ContentLoader(folder, new MarkdownRenderer()).load(files), in)) {
        return 1;
      }
    }
    try (Store store = Store.open(in.storeSettings(), in.data())) {
      RevisionLog log = new RevisionLog(store, Clock.systemUTC());
      switch (args.get(0)) {
        case "publish" -> {
          Revision added = append(log, files, in.option("message", "published from " + folder));
          in.out()
              .printf(
                  Locale.ROOT,
                  "published %s as revision %d (%d files, fingerprint %s)%n",
                  folder,
                  added.number(),
                  files.size(),
                  added.fingerprint());
          alsoIntoTheServedFolder(store, files, in);
        }
        case "history" -> history(log, in);
        case "pull" -> pull(log, args.get(1), in);
        default -> {
          return restore(store, log, number(args.get(1)), in);
        }
      }
      return 0;
    } catch (StoreUnavailableException e) {
      in.err().println("faqbot content: " + e.getMessage());
      return 2;
    }
  }

  /** Refuses an unknown action, and one given too few or too many arguments. */
  private static void checkArguments(String action, int given) {
    int most =
        switch (action) {
          case "history" -> 1;
          case "publish", "pull", "restore" -> 2;
          default ->
              throw new IllegalArgumentException(
                  "unknown action '" + action + "': use publish, pull, restore or history");
        };
    int least = action.equals("pull") || action.equals("restore") ? 2 : 1;
    if (given < least || given > most) {
      throw new IllegalArgumentException(
          switch (action) {
            case "pull" -> "content pull takes the folder to write: content pull DIR";
            case "restore" -> "content restore takes a revision number: content restore N";
            case "publish" -> "content publish takes at most one folder: content publish [DIR]";
            default -> "content history takes no argument";
          });
    }
  }

  /** Writes revision {@code --revision} (the newest without one) into {@code dir}. */
  private static void pull(RevisionLog log, String dir, Invocation in) throws IOException {
    long number =
        in.option("revision", null) == null
            ? log.newestNumber()
            : number(in.option("revision", null));
    if (number == 0) {
      throw new IllegalArgumentException(
          "there is no content revision yet: publish one first (faqbot content publish)");
    }
    Map<String, byte[]> files = log.files(number);
    ContentFolder.write(Path.of(dir), files);
    in.out().printf(Locale.ROOT, "wrote revision %d (%d files) to %s%n", number, files.size(), dir);
  }

  /** Publishes revision {@code number} again as the newest, when it is still valid content. */
  private static int restore(Store store, RevisionLog log, long number, Invocation in)
      throws IOException {
    Map<String, byte[]> files = log.files(number);
    if (!valid(new ContentLoader(in.content(), new MarkdownRenderer()).load(files), in)) {
      return 1;
    }
    Revision added = append(log, files, in.option("message", "restore revision " + number));
    in.out().printf(Locale.ROOT, "restored revision %d as revision %d%n", number, added.number());
    alsoIntoTheServedFolder(store, files, in);
    return 0;
  }

  /** {@code files} as the newest revision, by this machine's user. */
  private static Revision append(RevisionLog log, Map<String, byte[]> files, String message) {
    return log.appendOnNewest(
        files, ContentFiles.fingerprint(files), RevisionPublisher.osUser(), message);
  }

  /**
   * One machine (the embedded store): the content folder is the truth there, and a server started
   * later keeps a folder that differs from the newest revision. So a publish is written into it too
   * (a running server would do the same when it follows).
   */
  private static void alsoIntoTheServedFolder(Store store, Map<String, byte[]> files, Invocation in)
      throws IOException {
    Path served = in.content();
    if (store.vendor() == Vendor.SQLITE && Files.isDirectory(served)) {
      if (ContentFolder.write(served, files)) {
        in.out().println("wrote it into " + served + " (the content folder served here)");
      }
    }
  }

  private static boolean valid(ContentSnapshot checked, Invocation in) {
    for (ContentProblem problem : checked.problems()) {
      in.out().println(problem);
    }
    if (!checked.problems().isEmpty()) {
      in.out()
          .printf(Locale.ROOT, "%d problem(s); nothing was published%n", checked.problems().size());
    }
    return checked.problems().isEmpty();
  }

  private static void history(RevisionLog log, Invocation in) {
    in.out()
        .printf(
            Locale.ROOT,
            "%-8s %-24s %-20s %-12s %s%n",
            "revision",
            "time",
            "author",
            "fingerprint",
            "message");
    for (Revision r : log.list(HISTORY)) {
      in.out()
          .printf(
              Locale.ROOT,
              "%-8d %-24s %-20s %-12s %s%n",
              r.number(),
              r.created(),
              r.author(),
              r.fingerprint().substring(0, 12),
              r.message().replace('\n', ' '));
    }
  }

  private static long number(String text) {
    try {
      long n = Long.parseLong(text.strip());
      if (n < 1) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a revision number (faqbot content history lists them)");
    }
  }
}
