package org.termcurator.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.termcurator.core.AppVersion;
import org.termcurator.core.project.ProjectOpenException;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine;

/**
 * The headless side of the app: {@code curator COMMAND ...}. Every command accepts
 * {@code --json}; exit codes are 0 ok, 1 some inputs failed, 2 usage error.
 */
// INHERIT: every subcommand takes --help too (its usage errors point there)
@Command(name = "curator", mixinStandardHelpOptions = true, scope = CommandLine.ScopeType.INHERIT, versionProvider = CuratorCli.Version.class,
        description = "Terminal Curator: curate training data for LLM terminal agents. "
                + "With no arguments the window opens; with a command it runs headless.",
        subcommands = {ProjectCommand.class, ImportCommand.class, TasksCommand.class, TrajectoriesCommand.class,
                SeedsCommand.class, SkillsCommand.class, GenerateCommand.class, RolloutCommand.class, CastCommand.class,
                CurateCommands.Export.class, CurateCommands.Stats.class, CurateCommands.Presets.class,
                CommandLine.HelpCommand.class})
public final class CuratorCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private CliOutput output;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: see curator --help");
    }

    CliOutput output() {
        return output;
    }

    /** Runs the CLI with the process's streams and returns the exit code. */
    public static int run(String... args) {
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        return run(out, err, args);
    }

    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CuratorCli root = new CuratorCli();
        root.output = new CliOutput(out, err);
        CommandLine commandLine = new CommandLine(root)
                .setOut(out)
                .setErr(err)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setParameterExceptionHandler((ex, arguments) -> {
                    boolean json = java.util.Arrays.asList(arguments).contains("--json");
                    // picocli starts some messages (mutually exclusive options) with its own "Error: "
                    String message = ex.getMessage().startsWith("Error: ") ? ex.getMessage().substring(7) : ex.getMessage();
                    root.output.error(message, json);
                    if (!json) {
                        err.println("Run '" + ex.getCommandLine().getCommandSpec().qualifiedName()
                                + " --help' for the options.");
                    }
                    return ExitCodes.USAGE;
                })
                .setExecutionExceptionHandler((ex, commandLine1, parseResult) -> {
                    boolean json = matched(parseResult, "--json");
                    int code = ExitCodes.FAILED;
                    String message;
                    if (ex instanceof CliFailure failure) {
                        code = failure.exitCode();
                        message = failure.getMessage();
                    } else if (ex instanceof ProjectOpenException) {
                        message = ex.getMessage();
                    } else if (ex instanceof java.sql.SQLException && damaged(ex)) {
                        // SQLite's words name no file: say which one, and what to do
                        Object command = commandLine1.getCommand();
                        String file = command instanceof ProjectSubcommand project && project.projectFile() != null
                                ? project.projectFile().toString() : "the project file";
                        message = file + " is damaged (" + ex.getMessage() + "); run 'curator project check' to see "
                                + "where, and restore it from a backup";
                    } else {
                        message = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
                    }
                    root.output.error(message, json);
                    if (matched(parseResult, "--verbose")) {
                        ex.printStackTrace(err);
                    }
                    return code;
                });
        return commandLine.execute(args);
    }

    private static boolean damaged(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            if (message.contains("SQLITE_CORRUPT") || message.contains("malformed")) {
                return true;
            }
        }
        return false;
    }

    private static boolean matched(ParseResult parseResult, String option) {
        for (ParseResult result = parseResult; result != null; result = result.subcommand()) {
            if (result.hasMatchedOption(option)) {
                return true;
            }
        }
        return false;
    }

    /** {@code --version}. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {AppVersion.name() + " " + AppVersion.version(),
                    "Java " + Runtime.version() + " (" + System.getProperty("java.vendor", "") + ")"};
        }
    }
}
