package dev.tokencontract.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Every Maven module's main classes, read from its own {@code target/classes} folder so that each class is
 * known to belong to exactly one module (the class path cannot say: the CLI's fat jar holds copies of
 * everything).
 */
final class ProjectModules {
    private final JavaClasses classes;
    private final Map<String, String> moduleByClass;
    private final List<String> modules;

    private ProjectModules(JavaClasses classes, Map<String, String> moduleByClass, List<String> modules) {
        this.classes = classes;
        this.moduleByClass = moduleByClass;
        this.modules = modules;
    }

    /** Imports every module below {@code root} that has main sources; fails if one was not compiled. */
    static ProjectModules importFrom(Path root) {
        List<Path> moduleDirs = moduleDirectories(root);
        Map<Path, String> moduleByClassesDir = new HashMap<>();
        for (Path module : moduleDirs) {
            Path classesDir = module.resolve("target/classes");
            if (!Files.isDirectory(classesDir)) {
                throw new IllegalStateException("module " + root.relativize(module) + " is not compiled: " + classesDir
                        + " is missing (build with -am so every module is compiled before this one)");
            }
            moduleByClassesDir.put(
                    classesDir.toAbsolutePath().normalize(),
                    root.relativize(module).toString());
        }
        JavaClasses all = new ClassFileImporter().importPaths(List.copyOf(moduleByClassesDir.keySet()));
        Map<String, String> moduleByClass = new HashMap<>();
        for (JavaClass c : all) {
            Path file = Path.of(c.getSource().orElseThrow().getUri())
                    .toAbsolutePath()
                    .normalize();
            String module = moduleByClassesDir.entrySet().stream()
                    .filter(e -> file.startsWith(e.getKey()))
                    .map(Map.Entry::getValue)
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException(c.getName() + " was read from no module: " + file));
            moduleByClass.put(c.getName(), module);
        }
        List<String> names =
                moduleDirs.stream().map(m -> root.relativize(m).toString()).toList();
        return new ProjectModules(all, Map.copyOf(moduleByClass), names);
    }

    /** The repository root: the folder above this module (Maven runs tests in the module's folder). */
    static Path repositoryRoot() {
        Path here = Path.of("").toAbsolutePath();
        return here.getFileName().toString().equals("architecture-tests") ? here.getParent() : here;
    }

    JavaClasses classes() {
        return classes;
    }

    List<String> modules() {
        return modules;
    }

    /** The module a class was compiled in, or null for a library class. */
    Function<JavaClass, String> moduleOf() {
        return c -> moduleByClass.get(c.getName());
    }

    /**
     * A project with no parent is standalone, built by its own {@code mvn} outside the reactor (the Maven plugin's
     * example, examples/maven-plugin-mcp-server, is a team's own project): not a module of this build.
     */
    private static boolean inReactor(Path dir) {
        try {
            return Files.readString(dir.resolve("pom.xml")).contains("<parent>");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> moduleDirectories(Path root) {
        try (Stream<Path> walk = Files.walk(root, 3)) {
            return walk.filter(d -> Files.isRegularFile(d.resolve("pom.xml")))
                    .filter(d -> Files.isDirectory(d.resolve("src/main/java")))
                    .filter(ProjectModules::inReactor)
                    .filter(d -> !d.toString().contains("/target/")
                            && !d.getFileName().toString().startsWith("."))
                    .sorted()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
