package org.termcurator.ui.session;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.termcurator.core.project.ProjectDb;

/** The platform's own file choosers. */
public final class SystemFileDialogs implements FileDialogs {

    private static final FileChooser.ExtensionFilter PROJECTS =
            new FileChooser.ExtensionFilter("Terminal Curator projects", "*" + ProjectDb.EXTENSION);

    private File lastFolder;

    @Override
    public Optional<Path> chooseNewProject(Window owner) {
        FileChooser chooser = chooser("New Project");
        chooser.setInitialFileName("untitled" + ProjectDb.EXTENSION);
        File chosen = chooser.showSaveDialog(owner);
        if (chosen == null) {
            return Optional.empty();
        }
        remember(chosen);
        Path path = chosen.toPath();
        if (!path.getFileName().toString().endsWith(ProjectDb.EXTENSION)) {
            path = path.resolveSibling(path.getFileName() + ProjectDb.EXTENSION);
        }
        return Optional.of(path);
    }

    @Override
    public Optional<Path> chooseProjectToOpen(Window owner) {
        File chosen = chooser("Open Project").showOpenDialog(owner);
        if (chosen == null) {
            return Optional.empty();
        }
        remember(chosen);
        return Optional.of(chosen.toPath());
    }

    @Override
    public Optional<Path> chooseFileToOpen(Window owner, String title, String description, String... patterns) {
        FileChooser chooser = dataChooser(title, description, patterns);
        File chosen = chooser.showOpenDialog(owner);
        if (chosen == null) {
            return Optional.empty();
        }
        remember(chosen);
        return Optional.of(chosen.toPath());
    }

    @Override
    public Optional<Path> chooseFileToSave(Window owner, String title, String initialName, String description,
                                           String... patterns) {
        FileChooser chooser = dataChooser(title, description, patterns);
        chooser.setInitialFileName(initialName);
        File chosen = chooser.showSaveDialog(owner);
        if (chosen == null) {
            return Optional.empty();
        }
        remember(chosen);
        return Optional.of(chosen.toPath());
    }

    private FileChooser dataChooser(String title, String description, String... patterns) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(description, patterns));
        if (lastFolder != null && lastFolder.isDirectory()) {
            chooser.setInitialDirectory(lastFolder);
        }
        return chooser;
    }

    @Override
    public Optional<Path> chooseFolder(Window owner, String title) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(title);
        if (lastFolder != null && lastFolder.isDirectory()) {
            chooser.setInitialDirectory(lastFolder);
        }
        File chosen = chooser.showDialog(owner);
        if (chosen == null) {
            return Optional.empty();
        }
        remember(chosen);
        return Optional.of(chosen.toPath());
    }

    private FileChooser chooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(PROJECTS);
        if (lastFolder != null && lastFolder.isDirectory()) {
            chooser.setInitialDirectory(lastFolder);
        }
        return chooser;
    }

    private void remember(File chosen) {
        lastFolder = chosen.getParentFile();
    }

    @Override
    public boolean confirmReplace(Window owner, String title, String question) {
        javafx.scene.control.Alert alert = new javafx.scene.control.Alert(
                javafx.scene.control.Alert.AlertType.CONFIRMATION, question,
                javafx.scene.control.ButtonType.CANCEL, javafx.scene.control.ButtonType.OK);
        alert.initOwner(owner);
        alert.setTitle(title);
        alert.setHeaderText(null);
        return alert.showAndWait().filter(javafx.scene.control.ButtonType.OK::equals).isPresent();
    }
}
