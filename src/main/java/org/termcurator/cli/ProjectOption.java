package org.termcurator.cli;

import java.nio.file.Path;
import org.termcurator.core.project.ProjectAccess;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The {@code --project FILE} option, declared once for every project command: the command's
 * {@link ProjectAccess} decides what its help says and how the project opens
 * ({@link ProjectSubcommand#openProject}). Added to each command's model as picocli builds it.
 */
final class ProjectOption implements CommandLine.IModelTransformer {

    static final String NAME = "--project";

    @Override
    public CommandSpec transform(CommandSpec spec) {
        if (spec.userObject() instanceof ProjectSubcommand command) {
            spec.addOption(OptionSpec.builder(NAME).paramLabel("FILE").type(Path.class).required(true)
                    .description(help(command.access(), spec.findOption(CreateOption.NAME) != null)).build());
        }
        return spec;
    }

    private static String help(ProjectAccess access, boolean createOffered) {
        return switch (access) {
            case READ -> "The project file (.curator), opened read-only: this works on a read-only file or folder "
                    + "and while another process writes to it.";
            case WRITE -> createOffered ? "The project file (.curator); it must exist unless --create is given."
                    : "The project file (.curator); it must exist ('curator project init' creates one).";
            case CREATE -> "The project file (.curator); created when it does not exist.";
        };
    }

    /** What to do about a project file that is not there, for the error line. */
    static String whenMissing(ProjectAccess access, boolean createOffered) {
        if (access == ProjectAccess.READ) {
            return "";
        }
        return createOffered ? " (add --create to make a new project)"
                : " (create it first: curator project init --project FILE)";
    }
}
