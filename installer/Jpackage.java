import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;

/**
 * Builds MemberDesk's installers with the JDK's jpackage: a jlink'd runtime (no Java needed on the
 * shop's computer), JavaFX on the module path, the app and its other libraries on the class path.
 * Run by `./mvnw -Pinstaller package` (after the jar and target/lib exist) as a single-file Java
 * program, so the same step works on Linux, Windows and macOS without a shell:
 *
 *   java installer/Jpackage.java --target target --version 0.1.0 --vendor MemberDesk
 *        --description "..." --main-class org.memberdesk.Launcher [--types default|app-image|app-image,deb]
 *
 * Each OS builds its own kinds: Linux an app-image and a .deb, Windows an app-image and an .msi
 * (needs the WiX Toolset 3 on PATH), macOS an app-image and a .dmg. Output: target/installer/out.
 */
public final class Jpackage {
    static final String NAME = "MemberDesk";
    /** Never change: Windows recognises an upgrade of the same app by it, and keeps the data. */
    static final String WINDOWS_UPGRADE_UUID = "e16d95d1-65f3-44ad-82c8-7caa208bde52";
    static final String JAVA_MODULES = String.join(",",
            "java.base", "java.desktop", "java.logging", "java.management", "java.naming", "java.sql",
            "java.xml", "jdk.unsupported", "jdk.jfr",
            // GBK / GB18030 for Chinese CSV files from Excel, and Chinese dates and month names
            "jdk.charsets", "jdk.localedata", "jdk.zipfs",
            "javafx.controls", "javafx.swing");
    /** The class-data archive in the app folder ($APPDIR: lib/app, app, Contents/app). */
    static final String CLASS_ARCHIVE = "memberdesk.jsa";
    static final List<String> JAVA_OPTIONS = List.of(
            // ControlsFX reaches into JavaFX internals (see STACK-NOTES)
            "--add-exports=javafx.base/com.sun.javafx.event=ALL-UNNAMED",
            "--add-exports=javafx.controls/com.sun.javafx.scene.control.behavior=ALL-UNNAMED",
            "--add-exports=javafx.controls/com.sun.javafx.scene.control=ALL-UNNAMED",
            "-Xmx1g",
            // Start-up on a 2-core shop PC (docs/desktop.md, BENCHMARKS.md "Desktop app"): C1 only — no
            // C2 compiler threads competing with the first screen; measured faster for the short jobs
            // (start, reports, RFM) and for a 20,000-member import too — and the serial collector
            "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC",
            // the JDK's and JavaFX's classes ready-parsed and verified, made by classArchive() below;
            // when the file is missing or unusable the JVM starts without it, silently
            "-Xshare:auto",
            "-XX:SharedArchiveFile=$APPDIR/" + CLASS_ARCHIVE);

    public static void main(String[] args) throws IOException {
        Map<String, String> options = parse(args);
        Path target = Path.of(options.getOrDefault("target", "target")).toAbsolutePath();
        Path project = target.getParent();
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        Os kind = os.contains("win") ? Os.WINDOWS : os.contains("mac") ? Os.MAC : Os.LINUX;
        String wanted = options.getOrDefault("types", "default");
        List<String> types = List.of((wanted.isBlank() || wanted.equals("default") ? kind.types : wanted).split(","));
        String version = options.get("version").replace("-SNAPSHOT", "");
        if (kind == Os.MAC && version.startsWith("0.")) {
            fail("macOS needs an app version of 1.0 or more, not " + version
                    + ": build with -Dinstaller.version=1.0.0 (or raise the pom's version)");
        }

        Path work = target.resolve("installer");
        Path input = work.resolve("input");
        Path javafx = work.resolve("javafx");
        Path out = work.resolve("out");
        for (Path folder : List.of(input, javafx, out)) {
            deleteTree(folder);
            Files.createDirectories(folder);
        }
        Files.copy(target.resolve("memberdesk.jar"), input.resolve("memberdesk.jar"));
        // only the jars the app's manifest names: target/lib keeps the old version's jar after a dependency
        // upgrade, and a second copy of a library in the installer is a clash waiting to happen
        List<String> classPath = manifestClassPath(target.resolve("memberdesk.jar"));
        try (Stream<Path> libs = Files.list(target.resolve("lib"))) {
            for (Path lib : (Iterable<Path>) libs::iterator) {
                String name = lib.getFileName().toString();
                if (!classPath.contains("lib/" + name)) {
                    continue;
                }
                if (!name.startsWith("javafx-")) {
                    Files.copy(lib, input.resolve(name));
                } else if (name.matches("javafx-[a-z]+-[0-9.]+-[a-z0-9-]+\\.jar")) {
                    // the platform jars (…-linux.jar, …-win.jar, …-mac.jar) are the real modules;
                    // the unclassified ones are empty and would clash on the module path
                    Files.copy(lib, javafx.resolve(name));
                }
            }
        }

        List<String> common = List.of("--name", NAME, "--app-version", version,
                "--vendor", options.get("vendor"), "--description", options.get("description"),
                "--copyright", "© " + options.get("vendor"), "--dest", out.toString());

        List<String> image = new ArrayList<>(List.of("--type", "app-image"));
        image.addAll(common);
        image.addAll(List.of("--input", input.toString(), "--main-jar", "memberdesk.jar",
                "--main-class", options.get("main-class"),
                "--module-path", javafx.toString(), "--add-modules", JAVA_MODULES,
                "--jlink-options", "--strip-debug --no-header-files --no-man-pages --strip-native-commands"
                        + " --include-locales=en,zh",
                "--icon", project.resolve(kind.icon).toString()));
        for (String option : JAVA_OPTIONS) {
            image.addAll(List.of("--java-options", option));
        }
        if (kind == Os.MAC) {
            image.addAll(List.of("--mac-package-identifier", "org.memberdesk.app", "--mac-package-name", NAME));
        }
        if (kind == Os.WINDOWS) {
            // a second launcher with a console window, so the command line prints on Windows too
            image.addAll(List.of("--add-launcher", "memberdesk-cli=" + project.resolve("installer/windows-cli.properties")));
        }
        jpackage(image);
        Path appImage = out.resolve(kind == Os.MAC ? NAME + ".app" : NAME);
        classArchive(appImage, kind, project.resolve("installer/startup-classes.txt"));

        for (String type : types) {
            if (type.equals("app-image")) {
                continue;
            }
            List<String> installer = new ArrayList<>(List.of("--type", type, "--app-image", appImage.toString()));
            installer.addAll(common);
            installer.addAll(List.of("--icon", project.resolve(kind.icon).toString()));
            switch (type) {
                case "deb", "rpm" -> installer.addAll(List.of(
                        "--linux-package-name", "memberdesk",
                        // our postinst/prerm: a menu entry that cannot fail the install, and /usr/bin/memberdesk
                        "--resource-dir", project.resolve("installer/linux").toString(),
                        "--linux-menu-group", "Office", "--linux-app-category", "office", "--linux-shortcut",
                        // GTK for JavaFX's windows (it is loaded at run time, so jpackage cannot see it); no
                        // font: the app carries its Chinese font in its jar (org/memberdesk/fonts, with its OFL)
                        "--linux-package-deps", "libgtk-3-0 | libgtk-3-0t64"));
                case "msi", "exe" -> installer.addAll(List.of(
                        "--win-per-user-install", "--win-menu", "--win-menu-group", NAME, "--win-shortcut",
                        "--win-dir-chooser", "--win-upgrade-uuid", WINDOWS_UPGRADE_UUID));
                case "dmg", "pkg" -> installer.addAll(List.of(
                        "--mac-package-identifier", "org.memberdesk.app", "--mac-package-name", NAME));
                default -> fail("unknown installer type " + type);
            }
            jpackage(installer);
        }
        try (Stream<Path> built = Files.list(out)) {
            for (Path file : (Iterable<Path>) built::iterator) {
                System.out.printf("built %s (%.1f MB)%n", file, size(file) / (1024.0 * 1024.0));
            }
        }
    }

    /**
     * Makes the class-data-sharing archive the launchers' options name: the classes a start of the
     * windows and of the command line loads (installer/startup-classes.txt, made by
     * installer/startup-classes.sh), parsed and verified once here instead of at every start. Only
     * the runtime's own classes (the JDK's and JavaFX's modules) go in, none from the class path:
     * an archive that names class-path jars is refused when the app is installed to another folder
     * than it was made in, one of the runtime's modules only is not. The app-image's own launcher
     * runs the dump ({@code -Xshare:dump}, then exits), so the archive matches its runtime exactly.
     * A failure here costs start-up time, not the build: it is reported and the app works without.
     */
    static void classArchive(Path appImage, Os kind, Path classList) throws IOException {
        Path appDir = appImage.resolve(kind.appDir);
        Path cfg = appDir.resolve(NAME + ".cfg");
        Path launcher = appImage.resolve(kind.launcher);
        Path archive = appDir.resolve(CLASS_ARCHIVE);
        if (!Files.isRegularFile(cfg) || !Files.isRegularFile(launcher) || !Files.isRegularFile(classList)) {
            System.err.println("installer: no class-data archive (missing " + cfg + ", " + launcher + " or "
                    + classList + "); the app starts slower");
            return;
        }
        String original = Files.readString(cfg);
        List<String> dump = new ArrayList<>();
        for (String line : original.split("\\R")) {
            if (!line.startsWith("app.classpath=") && !line.contains("SharedArchiveFile")) {
                dump.add(line);
            }
        }
        dump.add("java-options=-Xshare:dump");
        dump.add("java-options=-XX:SharedClassListFile=" + classList.toAbsolutePath());
        dump.add("java-options=-XX:SharedArchiveFile=" + archive.toAbsolutePath());
        // classes of the list that this JDK lacks (the list is made on one JDK build) are only skipped
        dump.add("java-options=-Xlog:cds=off");
        dump.add("java-options=-Xlog:cds+dynamic=off");
        Files.deleteIfExists(archive);
        try {
            Files.write(cfg, dump);
            Process process = new ProcessBuilder(launcher.toString()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            int code = process.waitFor();
            if (code != 0 || !Files.isRegularFile(archive)) {
                System.err.println("installer: the class-data archive was not made (exit " + code
                        + "); the app starts slower");
            } else {
                System.out.printf("class-data archive %s (%.1f MB)%n", archive, Files.size(archive) / (1024.0 * 1024.0));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("interrupted while making the class-data archive");
        } finally {
            Files.writeString(cfg, original);
        }
    }

    enum Os {
        LINUX("app-image,deb", "icons/png/memberdesk-256.png", "lib/app", "bin/" + NAME),
        WINDOWS("app-image,msi", "icons/memberdesk.ico", "app", NAME + ".exe"),
        MAC("app-image,dmg", "icons/memberdesk.icns", "Contents/app", "Contents/MacOS/" + NAME);

        final String types;
        final String icon;
        /** Where, inside the app-image, the jars and the launchers' .cfg files are ($APPDIR). */
        final String appDir;
        final String launcher;

        Os(String types, String icon, String appDir, String launcher) {
            this.types = types;
            this.icon = icon;
            this.appDir = appDir;
            this.launcher = launcher;
        }
    }

    private static void jpackage(List<String> args) {
        ToolProvider tool = ToolProvider.findFirst("jpackage")
                .orElseThrow(() -> new IllegalStateException("this JDK has no jpackage (JDK 17 or newer needed)"));
        System.out.println("jpackage " + String.join(" ", args));
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        int code = tool.run(out, err, args.toArray(String[]::new));
        if (code != 0) {
            fail("jpackage stopped with exit code " + code);
        }
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                fail("expected --name value pairs, got " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        for (String required : List.of("version", "vendor", "description", "main-class")) {
            if (!options.containsKey(required) || options.get(required).isBlank()) {
                fail("missing --" + required);
            }
        }
        return options;
    }

    private static long size(Path path) {
        try (Stream<Path> files = Files.walk(path)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
        } catch (IOException e) {
            return -1;
        }
    }

    /** The Class-Path entries of a jar's manifest ({@code lib/name.jar} …); empty when it names none. */
    private static List<String> manifestClassPath(Path jar) throws IOException {
        try (java.util.jar.JarFile file = new java.util.jar.JarFile(jar.toFile())) {
            java.util.jar.Manifest manifest = file.getManifest();
            String value = manifest == null ? null
                    : manifest.getMainAttributes().getValue(java.util.jar.Attributes.Name.CLASS_PATH);
            return value == null || value.isBlank() ? List.of() : List.of(value.trim().split("\\s+"));
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(path);
            }
        }
    }

    private static void fail(String message) {
        System.err.println("installer: " + message);
        System.exit(1);
    }
}
