package org.termcurator.core.generation;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.termcurator.core.llm.FakeChatServer;
import org.termcurator.core.project.ProjectDb;
import org.termcurator.core.seeds.SeedRepository;
import org.termcurator.core.skills.SkillRepository;

/** What generation tests start from: a fresh project file and a local chat-completions server. */
abstract class GenerationProjectTest {

    @TempDir
    Path dir;

    ProjectDb db;
    SeedRepository seeds;
    SkillRepository skills;
    FakeChatServer server;

    @BeforeEach
    void openProjectAndServer() throws Exception {
        db = ProjectDb.create(dir.resolve("p.curator"));
        seeds = new SeedRepository(db);
        skills = new SkillRepository(db);
        server = new FakeChatServer();
    }

    @AfterEach
    void closeProjectAndServer() {
        server.close();
        db.close();
    }
}
