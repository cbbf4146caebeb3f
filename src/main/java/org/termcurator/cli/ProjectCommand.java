package org.termcurator.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.termcurator.core.project.ProjectAccess;
import org.termcurator.core.project.ProjectDb;
import org.termcurator.core.project.ProjectInfo;
import org.termcurator.core.tasks.ProjectCheck;
import picocli.CommandLine.Command;

/** {@code curator project init|info}. */
@Command(name = "project", description = "Create a project file or describe one.",
        subcommands = {ProjectCommand.Init.class, ProjectCommand.Info.class, ProjectCommand.Check.class})
final class ProjectCommand extends ProjectSubcommand.Group {

    @Command(name = "init", description = "Create a project file (an existing project is left as it is).")
    static final class Init extends ProjectSubcommand {

        Init() {
            super(ProjectAccess.CREATE);
        }

        @Override
        public Integer call() throws Exception {
            ProjectInfo info;
            boolean existed;
            try (ProjectDb db = openProject()) {
                existed = !db.isNewlyCreated();
                info = db.info();
            }
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("created", !existed);
            result.putAll(describe(info));
            print(result, (existed ? "Project already exists: " : "Created project ") + info.file()
                            + " (schema " + info.schemaVersion() + ")");
            return ExitCodes.OK;
        }
    }

    @Command(name = "info", description = "Show a project's schema version and how much it holds. Read-only.")
    static final class Info extends ProjectSubcommand {

        Info() {
            super(ProjectAccess.READ);
        }

        @Override
        public Integer call() throws Exception {
            ProjectInfo info;
            try (ProjectDb db = openProject()) {
                info = db.info();
            }
            StringBuilder text = new StringBuilder();
            text.append("Project:  ").append(info.file()).append('\n');
            text.append("Schema:   ").append(info.schemaVersion()).append(" (this app: ")
                    .append(info.latestSchemaVersion()).append(")\n");
            if (info.createdAt() != null) {
                text.append("Created:  ").append(info.createdAt()).append(" with ").append(info.createdWith()).append('\n');
            }
            text.append("Size:     ").append(info.sizeBytes()).append(" bytes\n");
            text.append("WAL:      ").append(info.wal().describe()).append('\n');
            if (info.wal().isForeign()) {
                cli().err().println("warning: " + info.file() + ": " + info.wal().describe());
                cli().err().flush();
            }
            info.counts().forEach((table, count) ->
                    text.append(String.format("%-14s %,d%n", table.replace('_', ' '), count)));
            print(describe(info), text.toString().stripTrailing());
            return ExitCodes.OK;
        }
    }

    @Command(name = "check", description = "Verify a whole project: SQLite's integrity and foreign keys, and the "
            + "SHA-256 of every stored task file (and of the originals of files kept by reference). Names each "
            + "damaged file; exits 1 when anything is wrong. Read-only.")
    static final class Check extends ProjectSubcommand {

        Check() {
            super(ProjectAccess.READ);
        }

        @Override
        public Integer call() throws Exception {
            ProjectCheck.Report report;
            try (ProjectDb db = openProject()) {
                report = new ProjectCheck(db).run(new StderrProgress(cli().err()));
            }
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("ok", report.ok());
            result.put("filesVerified", report.filesVerified());
            result.put("referencesVerified", report.referencesVerified());
            java.util.List<Map<String, Object>> problems = new java.util.ArrayList<>();
            StringBuilder text = new StringBuilder();
            for (ProjectCheck.Problem problem : report.problems()) {
                problems.add(Map.of("where", problem.where(), "what", problem.what()));
                text.append(problem.where()).append(": ").append(problem.what()).append('\n');
            }
            result.put("problems", problems);
            text.append(String.format(java.util.Locale.ROOT, "%s: %,d stored files and %,d references verified, %s",
                    projectFile(), report.filesVerified(), report.referencesVerified(),
                    report.ok() ? "no problems" : report.problems().size()
                            + (report.problems().size() == 1 ? " problem" : " problems")));
            print(result, text.toString());
            return report.ok() ? ExitCodes.OK : ExitCodes.FAILED;
        }
    }

    static Map<String, Object> describe(ProjectInfo info) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("project", info.file().toString());
        result.put("schemaVersion", info.schemaVersion());
        result.put("latestSchemaVersion", info.latestSchemaVersion());
        result.put("createdAt", info.createdAt());
        result.put("createdWith", info.createdWith());
        result.put("sizeBytes", info.sizeBytes());
        result.put("counts", info.counts());
        Map<String, Object> wal = new LinkedHashMap<>();
        wal.put("state", info.wal().state().name().toLowerCase(java.util.Locale.ROOT));
        wal.put("bytes", info.wal().bytes());
        wal.put("frames", info.wal().frames());
        wal.put("message", info.wal().describe());
        result.put("wal", wal);
        return result;
    }
}
