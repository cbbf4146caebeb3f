package org.termcurator.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.termcurator.core.project.ProjectAccess;
import org.termcurator.core.project.ProjectDb;
import org.termcurator.core.project.ProjectInfo;
import picocli.CommandLine.Command;

/** {@code curator project init|info}. */
@Command(name = "project", description = "Create a project file or describe one.",
        subcommands = {ProjectCommand.Init.class, ProjectCommand.Info.class})
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
            info.counts().forEach((table, count) ->
                    text.append(String.format("%-14s %,d%n", table.replace('_', ' '), count)));
            print(describe(info), text.toString().stripTrailing());
            return ExitCodes.OK;
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
        return result;
    }
}
