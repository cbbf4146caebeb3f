package org.termcurator.core.generation;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.termcurator.core.seeds.Seed;
import org.termcurator.core.seeds.SeedQuery;
import org.termcurator.core.seeds.SeedStatus;
import org.termcurator.core.seeds.SeedStore;
import org.termcurator.core.skills.SkillNode;
import org.termcurator.core.skills.SkillStore;
import org.termcurator.core.skills.SkillTree;

/**
 * Decides up front what every task of a run is made from, with one random generator seeded
 * by the run, so the same project and settings always plan the same tasks.
 */
public final class GenerationPlanner {

    private static final List<String> DIFFICULTIES = List.of("easy", "medium", "hard");

    private GenerationPlanner() {
    }

    public static List<TaskPlan> plan(GenerationConfig config, SeedStore seeds, SkillStore skills)
            throws SQLException {
        Random random = new Random(config.randomSeed());
        return switch (config.mode()) {
            case SEED -> planFromSeeds(config, seeds, random);
            case SKILL -> planFromSkills(config, skills, random);
        };
    }

    private static List<TaskPlan> planFromSeeds(GenerationConfig config, SeedStore seeds, Random random)
            throws SQLException {
        SeedStatus status = config.seedQuery() == null ? SeedStatus.NEW : null;
        List<Seed> chosen = new ArrayList<>(seeds.list(new SeedQuery(config.seedQuery(), config.domain(), status, 0)));
        chosen.removeIf(seed -> seed.status() == SeedStatus.REJECTED);
        if (chosen.isEmpty()) {
            throw new IllegalArgumentException("no seeds to generate from"
                    + (config.seedQuery() == null ? " (no seeds with status new" : " (none match '" + config.seedQuery() + "'")
                    + (config.domain() == null ? "" : " in domain " + config.domain()) + ")");
        }
        Collections.shuffle(chosen, random);
        List<TaskPlan> plans = new ArrayList<>();
        for (int i = 0; i < config.count(); i++) {
            Seed seed = chosen.get(i % chosen.size());
            String domain = seed.domain() != null ? seed.domain() : config.domain();
            plans.add(new TaskPlan(i + 1, GenerationMode.SEED, domain, seed, List.of(), difficulty(random)));
        }
        return plans;
    }

    private static List<TaskPlan> planFromSkills(GenerationConfig config, SkillStore skills, Random random)
            throws SQLException {
        List<SkillTree> domains = new ArrayList<>();
        for (SkillTree domain : skills.tree()) {
            boolean wanted = config.domain() == null || domain.node().name().equalsIgnoreCase(config.domain());
            if (wanted && domain.skills().size() >= config.minSkills()) {
                domains.add(domain);
            }
        }
        if (domains.isEmpty()) {
            throw new IllegalArgumentException(config.domain() == null
                    ? "no domain of the taxonomy has " + config.minSkills() + " or more skills (import one: skills import --default)"
                    : "the domain '" + config.domain() + "' is not in the taxonomy or has fewer than "
                            + config.minSkills() + " skills");
        }
        List<TaskPlan> plans = new ArrayList<>();
        for (int i = 0; i < config.count(); i++) {
            SkillTree domain = domains.get(random.nextInt(domains.size()));
            List<SkillNode> pool = new ArrayList<>(domain.skills());
            int k = config.minSkills() + random.nextInt(config.maxSkills() - config.minSkills() + 1);
            Collections.shuffle(pool, random);
            List<SkillNode> sample = pool.subList(0, Math.min(k, pool.size()));
            plans.add(new TaskPlan(i + 1, GenerationMode.SKILL, domain.node().name(), null, sample, difficulty(random)));
        }
        return plans;
    }

    private static String difficulty(Random random) {
        return DIFFICULTIES.get(random.nextInt(DIFFICULTIES.size()));
    }
}
