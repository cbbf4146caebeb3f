package org.termcurator.core.generation;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.termcurator.core.llm.FakeChatServer;
import org.termcurator.core.project.ProjectDb;
import org.termcurator.core.seeds.SeedStore;
import org.termcurator.core.skills.SkillStore;

/** What generation tests start from: a fresh project file and a local chat-completions server. */
abstract class GenerationProjectTest {

    @TempDir
    Path dir;

    ProjectDb db;
    SeedStore seeds;
    SkillStore skills;
    FakeChatServer server;

    @BeforeEach
    void openProjectAndServer() throws Exception {
        db = ProjectDb.create(dir.resolve("p.curator"));
        seeds = new SeedStore(db);
        skills = new SkillStore(db);
        server = new FakeChatServer();
    }

    @AfterEach
    void closeProjectAndServer() {
        server.close();
        db.close();
    }
}
