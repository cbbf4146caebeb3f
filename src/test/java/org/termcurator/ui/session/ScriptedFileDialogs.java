package org.termcurator.ui.session;

import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.Window;

/** Answers the file choosers the way a user would have: with {@link #next}, or cancel when it is null. */
public final class ScriptedFileDialogs implements FileDialogs {

    public volatile Path next;
    public volatile String lastTitle;
    /** The answer to a question before replacing something; every question asked is kept. */
    public volatile boolean replace = true;
    public final java.util.List<String> questions = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Override
    public Optional<Path> chooseNewProject(Window owner) {
        return Optional.ofNullable(next);
    }

    @Override
    public Optional<Path> chooseProjectToOpen(Window owner) {
        return Optional.ofNullable(next);
    }

    @Override
    public Optional<Path> chooseFolder(Window owner, String title) {
        lastTitle = title;
        return Optional.ofNullable(next);
    }

    @Override
    public boolean confirmReplace(Window owner, String title, String question) {
        questions.add(question);
        return replace;
    }
}
