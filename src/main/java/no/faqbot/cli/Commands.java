package no.faqbot.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import no.faqbot.config.ServerCatalogue;
import no.faqbot.config.Setting;
import no.faqbot.content.ContentLoader;
import no.faqbot.content.ContentSnapshot;
import no.faqbot.content.MarkdownRenderer;
import no.faqbot.format.ContentProblem;
import no.faqbot.format.WordLists;
import no.faqbot.knowledge.IndexStore;
import no.faqbot.knowledge.KnowledgeFeature;
import no.faqbot.search.AnalysedContent;
import no.faqbot.search.TextAnalysis;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * What {@code faqbot} can do: {@code serve} (the default), {@code validate}, {@code index}, {@code
 * eval}, {@code calibrate}, {@code selftest}, {@code report}, {@code staff}, {@code content}; and
 * the options they share.
 */
public final class Commands {
  private Commands() {}

  public static List<Command> all() {
    return List.of(
        ServeCommand.serve(),
        new Command(
            "validate",
            "Check every content file and the word lists built in; print each problem as path:line:"
                + " message. Exit 1 if any.",
            "",
            0,
            locations(true, false),
            "",
            Commands::validate),
        new Command(
            "index",
            "Build the index and exit.",
            "",
            0,
            locations(true, true),
            "",
            Commands::index),
        EvalCommand.eval(),
        EvalCommand.calibrate(),
        ServeCommand.selftest(),
        ReportCommand.command(),
        StaffCommand.command(),
        ContentCommand.command());
  }

  /** The options that say where the content and the index are. */
  static Options locations(boolean content, boolean index) {
    Options options = new Options();
    if (content) {
      options.addOption(option(ServerCatalogue.CONTENT));
    }
    if (index) {
      options.addOption(option(ServerCatalogue.INDEX));
    }
    return options;
  }

  /** The flag of {@code setting}, its help naming the variable and the default. */
  static Option option(Setting<?> setting) {
    return valued(
        setting.flag(),
        setting.equals(ServerCatalogue.CONTENT) || setting.equals(ServerCatalogue.INDEX)
            ? "DIR"
            : setting.flag().toUpperCase(Locale.ROOT),
        setting.description()
            + " (env "
            + setting.variable()
            + (setting.defaultValue() == null ? "" : ", default " + setting.defaultValue())
            + ")");
  }

  static Option valued(String name, String argName, String description) {
    return Option.builder().longOpt(name).hasArg().argName(argName).desc(description).get();
  }

  private static int validate(Invocation in) {
    ContentSnapshot snapshot = new ContentLoader(in.content(), new MarkdownRenderer()).load();
    List<ContentProblem> problems = new ArrayList<>(snapshot.problems());
    problems.addAll(WordLists.problems()); // the word lists built in, read like content
    for (ContentProblem p : problems) {
      in.out().println(p);
    }
    in.out()
        .printf(Locale.ROOT, "%d entries, %d problem(s)%n", snapshot.entryCount(), problems.size());
    return problems.isEmpty() ? 0 : 1;
  }

  private static int index(Invocation in) {
    ContentSnapshot snapshot = KnowledgeFeature.contentLoader(in.content(), in.index()).load();
    snapshot.problems().forEach(p -> in.err().println(p));
    Path folder =
        new IndexStore(in.index()).build(AnalysedContent.of(snapshot, new TextAnalysis()));
    in.out().printf(Locale.ROOT, "indexed %d entries into %s%n", snapshot.entryCount(), folder);
    return 0;
  }
}
