package org.termcurator.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.termcurator.core.project.ProjectAccess;
import org.termcurator.core.project.ProjectDb;
import org.termcurator.core.project.ProjectOpenException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Spec;

/**
 * A command that works on one project: {@code --project FILE} (see {@link ProjectOption}),
 * opened as the command's access says, {@code --json}/{@code --verbose}, and the CLI's output.
 */
@Command(modelTransformer = ProjectOption.class)
abstract class ProjectSubcommand implements Callable<Integer> {

    @Mixin
    OutputOptions output;

    @Spec
    CommandSpec spec;

    private final ProjectAccess access;

    /**
     * @param access READ for commands that only read (they open read-only), WRITE for commands
     *               that change the project (a missing file is an error; a command that also
     *               mixes in {@link CreateOption} creates it on --create), CREATE for
     *               {@code project init}
     */
    ProjectSubcommand(ProjectAccess access) {
        this.access = access;
    }

    ProjectAccess access() {
        return access;
    }

    /** The --project file as given. */
    Path projectFile() {
        return spec.findOption(ProjectOption.NAME).getValue();
    }

    /** Opens the project as this command's access says. */
    ProjectDb openProject() throws ProjectOpenException {
        return openProject(access);
    }

    /**
     * Opens the project with {@code how} (a reading command may still try to write, e.g. to
     * bring the search index up to date). A missing file is an error that says how to create
     * one, unless --create was given: then it is created, and the command says so on stderr.
     */
    ProjectDb openProject(ProjectAccess how) throws ProjectOpenException {
        boolean createOffered = spec.findOption(CreateOption.NAME) != null;
        ProjectAccess effective = how == ProjectAccess.WRITE && createAsked() ? ProjectAccess.CREATE : how;
        ProjectDb db;
        try {
            db = effective.open(projectFile());
        } catch (ProjectOpenException e) {
            if (e.reason() != ProjectOpenException.Reason.NOT_FOUND) {
                throw e;
            }
            throw new ProjectOpenException(e.reason(), e.file(),
                    e.getMessage() + ProjectOption.whenMissing(how, createOffered), e);
        }
        if (db.isNewlyCreated() && access != ProjectAccess.CREATE) {
            cli().err().println("Created project " + db.file());
            cli().err().flush();
        }
        return db;
    }

    private boolean createAsked() {
        OptionSpec create = spec.findOption(CreateOption.NAME);
        return create != null && Boolean.TRUE.equals(create.getValue());
    }

    CliOutput cli() {
        return CliCommands.output(spec);
    }

    /** Prints the result: one JSON object with --json, the text otherwise. */
    void print(Map<String, ?> result, String text) {
        cli().result(output, result, text);
    }

    /** A command that only groups subcommands: run alone, it says which ones there are. */
    abstract static class Group implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "Missing subcommand: " + String.join(", ", spec.subcommands().keySet()));
        }
    }
}
