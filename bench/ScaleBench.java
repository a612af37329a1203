import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import no.faqbot.App;
import no.faqbot.chat.ChatRequest;
import no.faqbot.config.Settings;

/**
 * Cost as the knowledge base grows: generates a synthetic knowledge base of N entries (varied
 * Norwegian questions, alternatives and answers from word lists and templates; the shipped
 * replies, synonyms and flows), then reports index build time, start time with the built index,
 * heap and RSS, and in-process reply time p50/p99. Run by bench/scale.sh after `mvn package`:
 * {@code java -Xmx1g -cp target/faqbot.jar bench/ScaleBench.java N}.
 */
public class ScaleBench {
  static final String[] NOUNS = {"ordre", "faktura", "utbetaling", "rapport", "nettbutikk", "kasse", "modul",
      "integrasjon", "avtale", "konto", "refusjon", "retur", "kunde", "betaling", "bestilling", "vare", "lager",
      "frakt", "levering", "rabatt", "kampanje", "gavekort", "abonnement", "kvittering", "kredittkort", "bankkonto",
      "valuta", "skatt", "moms", "regnskap", "oppgjør", "bruker", "tilgang", "passord", "nøkkel", "sertifikat",
      "domene", "server", "logg", "varsel", "e-post", "telefon", "adresse", "land", "marked", "språk", "tema",
      "plugin", "oppdatering", "versjon", "innstilling", "portal", "app", "fil", "eksport", "import", "kategori",
      "produkt", "pris", "gebyr", "avgift", "periode", "frist", "dato", "status", "historikk", "søk", "filter",
      "butikk", "leverandør", "partner", "kontrakt", "signatur", "dokument", "skjema", "felt", "knapp", "side"};
  static final String[] PREFIXES = {"test", "salgs", "kunde", "betalings", "ordre", "drifts", "sikkerhets", "bruker",
      "lager", "frakt", "retur", "konto", "data", "system", "pris"};
  static final String[] VERBS = {"endre", "finne", "slette", "legge til", "eksportere", "aktivere", "deaktivere",
      "oppdatere", "koble til", "sende", "laste ned", "laste opp", "sette opp", "fornye", "avslutte", "flytte",
      "kopiere", "godkjenne", "avvise", "sjekke", "teste", "bestille", "returnere", "kreditere", "dele"};
  static final String[] ADJECTIVES = {"ny", "gammel", "automatisk", "manuell", "månedlig", "daglig", "feil",
      "manglende", "dobbel", "delvis", "utenlandsk", "norsk", "digital", "fysisk", "midlertidig", "permanent"};
  static final String[] QUESTIONS = {"Hvordan kan jeg %s %s for %s?", "Hvor finner jeg %2$s til %3$s?",
      "Kan vi %s %s i %s?", "Hva skjer med %2$s når vi %1$s %3$s?", "Hvorfor må jeg %s %s etter %s?",
      "Hvem kan %s %s for %s?", "Når bør vi %s %s i %s?"};
  static final String[] SENTENCES = {"Du kan %s %s under %s i portalen.", "Det er mulig å %s %s når %s er aktiv.",
      "Kontakt oss hvis du ikke får til å %s %s for %s.", "%2$s oppdateres automatisk når du %1$s %3$s.",
      "Husk at %2$s må være klar før du kan %1$s %3$s.", "Vi anbefaler å %s %s minst én gang per %s."};

  public static void main(String[] args) throws Exception {
    int n = Integer.parseInt(args[0]);
    Random random = new Random(n);
    Path root = Files.createTempDirectory("faqbot-scale");
    Path content = root.resolve("content");
    List<String> questions = generate(content, n, random);
    Path index = root.resolve("index");
    try {
      long t0 = System.nanoTime();
      long cpu0 = cpuNanos();
      try (App app = App.start(settings(content, index))) {
        app.awaitReady();
      }
      double buildSeconds = (System.nanoTime() - t0) / 1e9;
      double buildCpu = (cpuNanos() - cpu0) / 1e9;
      System.gc();
      long t1 = System.nanoTime();
      long cpu1 = cpuNanos();
      try (App app = App.start(settings(content, index))) {
        app.awaitReady();
        double startMillis = (System.nanoTime() - t1) / 1e6;
        double startCpu = (cpuNanos() - cpu1) / 1e6;
        // Printed before the replies are timed, so a slow reply phase does not hide these. CPU time
        // (all threads, GC included) is what the wall time would be on an idle core or so.
        System.out.printf("entries %,7d  index build %6.1f s (cpu %5.1f s)  start (reused index) %6.0f ms (cpu %6.0f ms)",
            n, buildSeconds, buildCpu, startMillis, startCpu);
        System.out.flush();
        List<String> messages = messages(questions, random);
        for (int i = 0; i < 2_000; i++) { // warm up
          app.chat().reply(new ChatRequest(messages.get(i % messages.size()), "nb", null));
        }
        long[] nanos = new long[5_000];
        for (int i = 0; i < nanos.length; i++) {
          long s = System.nanoTime();
          app.chat().reply(new ChatRequest(messages.get(i % messages.size()), "nb", null));
          nanos[i] = System.nanoTime() - s;
        }
        Arrays.sort(nanos);
        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        // The machine is shared: the load average says how much the figures can be trusted.
        System.out.printf("  heap after GC %5d MB  RSS %5d MB  reply p50 %7.3f ms  p99 %7.3f ms  (load %s)%n",
            heap >> 20, rssMegabytes(), nanos[nanos.length / 2] / 1e6, nanos[nanos.length * 99 / 100] / 1e6,
            Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
      }
    } finally {
      try (var files = Files.walk(root)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  static Settings settings(Path content, Path index) {
    return Settings.from(java.util.Map.of("FAQBOT_PORT", "0", "FAQBOT_CONTENT", content.toString(), "FAQBOT_INDEX", index.toString()), java.util.Map.of());
  }

  /** Writes N entries under content/faq/nb with the shipped replies, synonyms and flows; returns the questions. */
  static List<String> generate(Path content, int n, Random random) throws Exception {
    Path faq = Files.createDirectories(content.resolve("faq/nb"));
    Files.createDirectories(content.resolve("faq/en"));
    Files.copy(Path.of("content/replies.yaml"), content.resolve("replies.yaml"));
    Files.createDirectories(content.resolve("synonyms"));
    Files.createDirectories(content.resolve("flows"));
    try (var files = Files.list(Path.of("content/synonyms"))) {
      for (Path p : (Iterable<Path>) files::iterator) {
        Files.copy(p, content.resolve("synonyms").resolve(p.getFileName()));
      }
    }
    List<String> questions = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      // An entry is about one thing, named by a compound its phrasings and answer share: a large
      // knowledge base has many such words (Heaps' law), not the same thousand over and over.
      String topic = topic(random);
      String question = sentence(QUESTIONS, random, topic);
      questions.add(question);
      StringBuilder md = new StringBuilder("---\nversion: 1\nid: entry-" + i + "\nquestion: \"" + question
          + "\"\nalternatives:\n");
      for (int a = 0; a < 3; a++) {
        md.append("  - \"").append(sentence(QUESTIONS, random, random.nextBoolean() ? topic : null))
            .append("\"\n");
      }
      md.append("section: Seksjon ").append(i % 40).append("\ntags: [").append(noun(random)).append(", ")
          .append(noun(random)).append("]\nupdated: 2026-11-27\n---\n");
      for (int s = 0; s < 3; s++) {
        md.append(sentence(SENTENCES, random, s == 0 ? topic : null)).append(' ');
      }
      Files.writeString(faq.resolve("entry-" + i + ".md"), md.append('\n').toString());
    }
    return questions;
  }

  /** What merchants send: generated questions, some cut short or with a typo, and some off-topic. */
  static List<String> messages(List<String> questions, Random random) {
    List<String> messages = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      String q = questions.get(random.nextInt(questions.size())).toLowerCase();
      switch (i % 5) {
        case 0 -> messages.add(q.substring(0, Math.max(10, q.length() / 2)));
        case 1 -> messages.add(q.replaceFirst("e", ""));
        case 2 -> messages.add("hva blir været i morgen");
        default -> messages.add(sentence(QUESTIONS, random, random.nextBoolean() ? topic(random) : null));
      }
    }
    return messages;
  }

  /** A sentence from one of {@code templates}; its object is {@code topic} when not null. */
  static String sentence(String[] templates, Random random, String topic) {
    String verb = VERBS[random.nextInt(VERBS.length)];
    String object = (random.nextInt(3) == 0 ? ADJECTIVES[random.nextInt(ADJECTIVES.length)] + " " : "")
        + (topic != null ? topic : noun(random));
    String s = String.format(templates[random.nextInt(templates.length)], verb, object, noun(random));
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  /**
   * A compound noun as Norwegian writes them, closed up, with a linking s after -ing, -het and
   * -sjon ({@code betalingsfrist}), sometimes with a prefix ({@code testordrerapport}): about
   * 100,000 possible words.
   */
  static String topic(Random random) {
    String first = NOUNS[random.nextInt(NOUNS.length)];
    String second = NOUNS[random.nextInt(NOUNS.length)];
    boolean link = first.endsWith("ing") || first.endsWith("het") || first.endsWith("sjon");
    String prefix = random.nextInt(3) == 0 ? PREFIXES[random.nextInt(PREFIXES.length)] : "";
    return (prefix + first + (link ? "s" : "") + second).replace("-", "");
  }

  static String noun(Random random) {
    String noun = NOUNS[random.nextInt(NOUNS.length)];
    return random.nextInt(4) == 0 ? PREFIXES[random.nextInt(PREFIXES.length)] + noun : noun;
  }

  /** CPU time of the whole process so far. */
  static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  static long rssMegabytes() throws Exception {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
      }
    }
    return -1;
  }
}
