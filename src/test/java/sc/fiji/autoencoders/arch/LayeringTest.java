package sc.fiji.autoencoders.arch;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import ij.gui.Plot;

/**
 * The package order of docs/ARCHITECTURE.md: front ends (cli, command, ij1, and the root package's scripting entry) ->
 * core (op: the operations) -> scale -> io -> predict / train -> model / noise -> image,
 * engine -> base (BadInputException, which every layer may throw). Each layer may use only the layers below it, and no
 * packages form a cycle.
 */
class LayeringTest {

	private static final String ROOT = "sc.fiji.autoencoders";
	private static JavaClasses classes;

	@BeforeAll
	static void load() {
		classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(
			ROOT);
	}

	@Test
	void layersOnlyUseLayersBelow() {
		layeredArchitecture().consideringOnlyDependenciesInLayers() //
			.layer("FrontEnds").definedBy(ROOT, ROOT + ".cli..", ROOT + ".command..", ROOT + ".ij1..") //
			.layer("Core").definedBy(ROOT + ".op..") //
			.layer("Scale").definedBy(ROOT + ".scale..") //
			.layer("Io").definedBy(ROOT + ".io..") //
			.layer("Predict").definedBy(ROOT + ".predict..") //
			.layer("Train").definedBy(ROOT + ".train..") //
			.layer("Model").definedBy(ROOT + ".model..", ROOT + ".noise..") //
			.layer("Image").definedBy(ROOT + ".image..") //
			.layer("Engine").definedBy(ROOT + ".engine..") //
			.layer("Base").definedBy(ROOT + ".base..") //
			.whereLayer("FrontEnds").mayNotBeAccessedByAnyLayer() //
			.whereLayer("Core").mayOnlyBeAccessedByLayers("FrontEnds") //
			.whereLayer("Scale").mayOnlyBeAccessedByLayers("FrontEnds", "Core") //
			.whereLayer("Io").mayOnlyBeAccessedByLayers("FrontEnds", "Core", "Scale") //
			.whereLayer("Predict").mayOnlyBeAccessedByLayers("FrontEnds", "Core", "Scale", "Io") //
			.whereLayer("Train").mayOnlyBeAccessedByLayers("FrontEnds", "Core", "Scale", "Io") //
			.whereLayer("Model").mayOnlyBeAccessedByLayers("FrontEnds", "Core", "Scale", "Io", "Predict", "Train") //
			.whereLayer("Image").mayOnlyBeAccessedByLayers("FrontEnds", "Core", "Scale", "Io", "Predict", "Train",
				"Model") //
			.check(classes);
	}

	@Test
	void noPackageCycles() {
		slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(classes);
	}

	/** The root package holds the scripting entry alone, a front end: nothing below may reach back into it. */
	@Test
	void nothingDependsOnTheRootPackage() {
		noClasses().that().resideOutsideOfPackage(ROOT).should().dependOnClassesThat().resideInAPackage(ROOT).check(
			classes);
	}

	/** Below the front ends, no dialogs or windows; ImageJ's {@code Plot} only, which draws without a display. */
	@Test
	void coreHasNoUserInterface() {
		noClasses().that().resideOutsideOfPackages(ROOT + ".cli..", ROOT + ".command..", ROOT + ".ij1..").should()
			.dependOnClassesThat(resideInAnyPackage("ij.gui..", "javax.swing..", "org.scijava.command..",
				"org.scijava.widget..", "picocli..").and(not(equivalentTo(Plot.class))))
			.check(classes);
	}
}
