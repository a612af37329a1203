package no.faqbot;

import static java.util.stream.Collectors.joining;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The programs in {@code bench/} run as single-file programs outside the build, so nothing else
 * notices when a change to the code breaks them: they are compiled here, all in one compiler task,
 * against the classes the tests see.
 */
class BenchCompilesTest {
  private static final Path BENCH = Path.of("bench");

  @Test
  void every_bench_program_compiles_against_the_current_code(@TempDir Path out) throws IOException {
    List<Path> programs;
    try (Stream<Path> files = Files.list(BENCH)) {
      programs = files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
    assertFalse(programs.isEmpty(), "no bench programs in " + BENCH.toAbsolutePath());
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    assertNotNull(compiler, "no Java compiler in this runtime: the tests need a JDK, not a JRE");
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    StringWriter output = new StringWriter();
    boolean compiled;
    try (StandardJavaFileManager files =
        compiler.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      List<String> options =
          List.of(
              "--release",
              "17",
              "-proc:none",
              "-Xlint:none",
              "-classpath",
              System.getProperty("java.class.path"),
              "-d",
              out.toString());
      compiled =
          compiler
              .getTask(
                  output,
                  files,
                  diagnostics,
                  options,
                  null,
                  files.getJavaFileObjectsFromPaths(programs))
              .call();
    }
    List<Diagnostic<? extends JavaFileObject>> errors =
        diagnostics.getDiagnostics().stream()
            .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
            .toList();
    if (!compiled || !errors.isEmpty()) {
      fail(
          errors.stream().map(BenchCompilesTest::file).distinct().collect(joining(", "))
              + " no longer compile against the current code (run them as their header says"
              + " once fixed):\n"
              + errors.stream().map(BenchCompilesTest::describe).collect(joining("\n"))
              + output);
    }
  }

  /** The bench file a diagnostic is about, as {@code bench/Name.java}. */
  private static String file(Diagnostic<? extends JavaFileObject> d) {
    return d.getSource() == null
        ? "(no file)"
        : BENCH.resolve(Path.of(d.getSource().toUri()).getFileName()).toString();
  }

  /** {@code bench/Name.java:line:column: message}, as javac prints it. */
  private static String describe(Diagnostic<? extends JavaFileObject> d) {
    return file(d)
        + ":"
        + d.getLineNumber()
        + ":"
        + d.getColumnNumber()
        + ": "
        + d.getMessage(Locale.ROOT);
  }
}
