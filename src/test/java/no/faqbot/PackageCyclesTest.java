package no.faqbot;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Packages depend on each other in one direction only: a cycle ties features together so that none
 * can change (or be understood) alone. Every package counts, the root one too.
 */
class PackageCyclesTest {
  private static final JavaClasses MAIN =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("no.faqbot");

  /** Each package is its own slice (ArchUnit's patterns would leave the root package out). */
  private static final SliceAssignment BY_PACKAGE =
      new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
          String pkg = javaClass.getPackageName();
          return pkg.startsWith("no.faqbot") ? SliceIdentifier.of(pkg) : SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
          return "packages of no.faqbot";
        }
      };

  @Test
  void noPackageCycles() {
    slices().assignedFrom(BY_PACKAGE).should().beFreeOfCycles().check(MAIN);
  }

  @Test
  void webKnowsNoFeature() {
    assertEquals(
        Set.of(), importedBy("no.faqbot.web"), "no.faqbot.web must not import feature packages");
  }

  @Test
  void groundPackageImportsNoOtherPackage() {
    assertEquals(
        Set.of(),
        importedBy("no.faqbot.format"),
        "no.faqbot.format is the ground every feature stands on");
  }

  /** The other faqbot packages that classes of {@code pkg} use. */
  private static Set<String> importedBy(String pkg) {
    Set<String> imported = new TreeSet<>();
    MAIN.stream()
        .filter(c -> c.getPackageName().equals(pkg))
        .flatMap(c -> c.getDirectDependenciesFromSelf().stream())
        .map(d -> d.getTargetClass().getPackageName())
        .filter(p -> p.startsWith("no.faqbot") && !p.equals(pkg))
        .forEach(imported::add);
    return imported;
  }
}
