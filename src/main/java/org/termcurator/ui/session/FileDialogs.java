package org.termcurator.ui.session;

import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.Window;

/** The file choosers and file questions the app asks the user with; the OS dialogs in the app, a scripted answer in tests. */
public interface FileDialogs {

    Optional<Path> chooseNewProject(Window owner);

    Optional<Path> chooseProjectToOpen(Window owner);

    /** A data file to read, e.g. seeds or a taxonomy; {@code patterns} like "*.jsonl". */
    default Optional<Path> chooseFileToOpen(Window owner, String title, String description, String... patterns) {
        return Optional.empty();
    }

    /** Where to write a data file. */
    default Optional<Path> chooseFileToSave(Window owner, String title, String initialName, String description,
                                            String... patterns) {
        return Optional.empty();
    }

    /** A folder to read from, e.g. runs to import. */
    default Optional<Path> chooseFolder(Window owner, String title) {
        return Optional.empty();
    }

    /** Asks before something on disk is replaced, e.g. an earlier export; true when the user agrees. */
    default boolean confirmReplace(Window owner, String title, String question) {
        return false;
    }
}
