package org.termcurator.app;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.application.Application;
import org.termcurator.cli.CuratorCli;

/**
 * The one entry point: no arguments open the window, arguments run the headless CLI, and a
 * single project file (how the desktop opens a double-clicked .curator file) opens the window
 * on that project. This class does not extend Application, so the app also starts with JavaFX
 * on the class path.
 */
public final class Launcher {

    /**
     * JavaFX warns once when it starts from the class path, which is how this app runs from a
     * build. Held in a field: a logger only referenced locally may be collected with its level.
     */
    private static final java.util.logging.Logger JAVAFX_STARTUP_LOG =
            java.util.logging.Logger.getLogger("com.sun.javafx.application.PlatformImpl");

    private Launcher() {
    }

    public static void main(String[] args) {
        StartupCleanup.run();
        if (args.length > 0 && projectToOpen(List.of(args)).isEmpty()) {
            System.setProperty("java.awt.headless", "true");
            System.exit(CuratorCli.run(args));
        }
        var problem = DesktopCheck.problem();
        if (problem.isPresent()) {
            System.err.println(problem.get());
            System.exit(1);
        }
        JAVAFX_STARTUP_LOG.setLevel(java.util.logging.Level.SEVERE);
        try {
            Application.launch(CuratorApp.class, args);
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            if (DesktopCheck.looksLikeGtkFailure(e)) {
                System.err.println(DesktopCheck.gtkMissingMessage());
            } else {
                System.err.println("Terminal Curator could not open its window: " + e.getMessage());
            }
            System.exit(1);
        }
    }

    /** The project file the window should open: the only argument, when it names a .curator file. */
    static Optional<Path> projectToOpen(List<String> args) {
        if (args.size() != 1) {
            return Optional.empty();
        }
        String arg = args.getFirst();
        if (arg.startsWith("-") || !arg.toLowerCase(Locale.ROOT).endsWith(".curator")) {
            return Optional.empty();
        }
        try {
            return Optional.of(Path.of(arg).toAbsolutePath());
        } catch (InvalidPathException e) {
            return Optional.empty(); // not a usable file name: the CLI reports the argument
        }
    }
}
