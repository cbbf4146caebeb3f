package org.termcurator.cli;

import picocli.CommandLine.Option;

/** {@code --create}, offered by the commands that bring data in: a missing project is made only when asked. */
public final class CreateOption {

    static final String NAME = "--create";

    @Option(names = NAME, description = "Create the project file when it does not exist yet (and say so). "
            + "Without it a missing file is an error, so a mistyped name never makes a new project.")
    boolean create;
}
