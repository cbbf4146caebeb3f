package org.termcurator.ui.curate;

import static org.termcurator.ui.curate.SettingsText.of;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.termcurator.core.curate.CurationSettings.BadTurns;
import org.termcurator.core.curate.CurationSettings.Cleaning;
import org.termcurator.core.curate.CurationSettings.Curriculum;
import org.termcurator.core.curate.CurationSettings.CurriculumOrder;
import org.termcurator.core.curate.CurationSettings.Decontamination;
import org.termcurator.core.curate.CurationSettings.Mixture;
import org.termcurator.core.curate.CurationSettings.MixtureKey;
import org.termcurator.core.curate.CurationSettings.NearDuplicates;
import org.termcurator.core.curate.CurationSettings.Outcome;
import org.termcurator.core.curate.CurationSettings.OutcomeMode;
import org.termcurator.core.curate.CurationSettings.OverLength;
import org.termcurator.core.curate.CurationSettings.Quality;
import org.termcurator.core.curate.CurationSettings.Reference;
import org.termcurator.core.curate.CurationSettings.TokenLimit;
import org.termcurator.core.curate.CurationSettings.TurnRange;
import org.termcurator.core.curate.CurationSettings;
import org.termcurator.core.curate.TokenCounter;

/**
 * Every filter of a curation and the curriculum as form fields, in the order the filters run,
 * one titled group each. Edits update the view model's settings at once; the preview follows.
 */
final class SettingsPanel extends VBox {

    /** The groups open at first: the ones most curations change; the rest open with a click. */
    private static final java.util.Set<String> OPEN_GROUPS = java.util.Set.of("curate-group-outcome",
            "curate-group-length", "curate-group-cleaning", "curate-group-curriculum");

    private final SettingsBinder binder;
    private final Supplier<Optional<Path>> chooseReferenceFile;

    /** @param chooseReferenceFile asks for a text or JSONL file of benchmark instructions */
    SettingsPanel(CurateViewModel model, Supplier<Optional<Path>> chooseReferenceFile) {
        this.binder = new SettingsBinder(model);
        this.chooseReferenceFile = chooseReferenceFile;
        setId("curate-settings");
        getStyleClass().add("curate-settings");
        setSpacing(6);
        setPadding(new Insets(8));
        Label problem = new Label();
        problem.setId("curate-settings-problem");
        problem.getStyleClass().add(atlantafx.base.theme.Styles.DANGER);
        problem.setWrapText(true);
        problem.textProperty().bind(model.settingsProblemProperty());
        problem.managedProperty().bind(problem.textProperty().isNotEmpty());
        problem.visibleProperty().bind(problem.managedProperty());
        getChildren().addAll(problem, outcome(), turnsAndTokens(), cleaning(), quality(), decontamination(),
                nearDuplicates(), mixture(), curriculum());
        binder.refresh();
    }

    static String label(Object value) {
        return switch (value) {
            case OutcomeMode mode -> switch (mode) {
                case KEEP_ALL -> "Keep all";
                case COMPLETE -> "Complete only (the agent finished)";
                case SUCCESS -> "Success only (resolved or reward ≥ threshold)";
            };
            case OverLength policy -> switch (policy) {
                case DROP -> "Drop the sample";
                case CUT_AFTER_LAST_WHOLE_TURN -> "Cut after the last whole turn that fits";
            };
            case BadTurns turns -> switch (turns) {
                case KEEP -> "Keep them";
                case DROP_TURNS -> "Drop those turns (and the error replies)";
                case DROP_SAMPLE -> "Drop the whole sample";
            };
            case Reference reference -> switch (reference) {
                case IMPORTED_TASKS -> "The project's imported tasks";
                case FILE -> "A file of instructions (text or JSONL)";
            };
            case MixtureKey key -> switch (key) {
                case SOURCE -> "Source";
                case DOMAIN -> "Domain";
            };
            case CurriculumOrder order -> switch (order) {
                case NONE -> "None (a seeded shuffle)";
                case DIFFICULTY -> "Easy → hard by difficulty label";
                case PASS_RATE -> "Easy → hard by measured pass rate";
                case TURNS -> "Fewer → more turns";
                case TOKENS -> "Fewer → more tokens";
            };
            default -> String.valueOf(value);
        };
    }

    private <E> javafx.scene.control.ComboBox<E> choice(String id, E[] values, java.util.function.Function<CurationSettings, E> read,
                                                         java.util.function.BiFunction<CurationSettings, E, CurationSettings> write) {
        return binder.choice(id, List.of(values), SettingsPanel::label, read, write);
    }

    private TitledPane outcome() {
        return group("Outcome", "curate-group-outcome", form(
                "Keep", choice("curate-outcome", OutcomeMode.values(), settings -> settings.outcome().mode(),
                        (settings, mode) -> settings.withOutcome(new Outcome(mode, settings.outcome().rewardThreshold()))),
                "Reward threshold", binder.field("curate-reward-threshold", "1.0",
                        settings -> of(settings.outcome().rewardThreshold()),
                        (settings, text) -> settings.withOutcome(new Outcome(settings.outcome().mode(),
                                SettingsText.toDouble("outcome.rewardThreshold", text))))));
    }

    private TitledPane turnsAndTokens() {
        return group("Turns and length", "curate-group-length", form(
                "Turns from", binder.field("curate-turns-min", "any", settings -> of(settings.turns().min()),
                        (settings, text) -> settings.withTurns(new TurnRange(SettingsText.toInteger("turns.min", text),
                                settings.turns().max()))),
                "Turns up to", binder.field("curate-turns-max", "any", settings -> of(settings.turns().max()),
                        (settings, text) -> settings.withTurns(new TurnRange(settings.turns().min(),
                                SettingsText.toInteger("turns.max", text)))),
                "Tokens from", binder.field("curate-tokens-min", "any", settings -> of(settings.tokens().min()),
                        (settings, text) -> settings.withTokens(tokens(settings.tokens(),
                                SettingsText.toInteger("tokens.min", text), settings.tokens().max()))),
                "Tokens up to", binder.field("curate-tokens-max", "any", settings -> of(settings.tokens().max()),
                        (settings, text) -> settings.withTokens(tokens(settings.tokens(), settings.tokens().min(),
                                SettingsText.toInteger("tokens.max", text)))),
                "Tokenizer", binder.choice("curate-encoding", TokenCounter.encodingNames(), name -> name,
                        settings -> settings.tokens().encoding(),
                        (settings, name) -> settings.withTokens(new TokenLimit(settings.tokens().min(),
                                settings.tokens().max(), name, settings.tokens().overLength()))),
                "Too long", choice("curate-over-length", OverLength.values(), settings -> settings.tokens().overLength(),
                        (settings, policy) -> settings.withTokens(new TokenLimit(settings.tokens().min(),
                                settings.tokens().max(), settings.tokens().encoding(), policy)))));
    }

    private static TokenLimit tokens(TokenLimit limit, Integer min, Integer max) {
        return new TokenLimit(min, max, limit.encoding(), limit.overLength());
    }

    private TitledPane cleaning() {
        return group("Cleaning", "curate-group-cleaning", form(
                "Turns that did not parse", choice("curate-bad-turns", BadTurns.values(),
                        settings -> settings.cleaning().badTurns(),
                        (settings, turns) -> settings.withCleaning(new Cleaning(turns, settings.cleaning().trimTrailingEmpty()))),
                "", binder.check("curate-trim-trailing", "Drop trailing empty turns",
                        settings -> settings.cleaning().trimTrailingEmpty(),
                        (settings, trim) -> settings.withCleaning(new Cleaning(settings.cleaning().badTurns(), trim)))));
    }

    private TitledPane quality() {
        return group("Quality rules", "curate-group-quality", form(
                "Deny-list (a regular expression a line)", binder.area("curate-deny-patterns", "(?i)as an AI language model", 3,
                        settings -> String.join("\n", settings.quality().denyPatterns()),
                        (settings, text) -> settings.withQuality(new Quality(SettingsText.lines(text),
                                settings.quality().allowedScripts(), settings.quality().maxOtherScriptShare()))),
                "Allowed scripts", binder.field("curate-scripts", "any, or e.g. LATIN",
                        settings -> String.join(", ", settings.quality().allowedScripts()),
                        (settings, text) -> settings.withQuality(new Quality(settings.quality().denyPatterns(),
                                SettingsText.words(text), settings.quality().maxOtherScriptShare()))),
                "Other scripts at most (share)", binder.field("curate-other-script-share", "0.0",
                        settings -> of(settings.quality().maxOtherScriptShare()),
                        (settings, text) -> settings.withQuality(new Quality(settings.quality().denyPatterns(),
                                settings.quality().allowedScripts(), SettingsText.toDouble("quality.maxOtherScriptShare", text))))));
    }

    private TitledPane decontamination() {
        TextField file = binder.field("curate-reference-file", "instructions.txt or .jsonl",
                settings -> settings.decontamination().referenceFile() == null ? "" : settings.decontamination().referenceFile(),
                (settings, text) -> settings.withDecontamination(decontamination(settings.decontamination(),
                        settings.decontamination().enabled(), settings.decontamination().ngram(),
                        settings.decontamination().reference(), text.isBlank() ? null : text.strip())));
        Button choose = new Button("Choose…");
        choose.setId("curate-reference-choose");
        choose.setOnAction(event -> chooseReferenceFile.get().ifPresent(path -> file.setText(path.toString())));
        HBox.setHgrow(file, Priority.ALWAYS);
        return group("Decontamination", "curate-group-decontamination", form(
                "", binder.check("curate-decontaminate", "Drop samples whose instruction shares an n-gram with a reference set",
                        settings -> settings.decontamination().enabled(),
                        (settings, on) -> settings.withDecontamination(decontamination(settings.decontamination(), on,
                                settings.decontamination().ngram(), settings.decontamination().reference(),
                                settings.decontamination().referenceFile()))),
                "n-gram (words)", binder.field("curate-ngram", "14", settings -> of(settings.decontamination().ngram()),
                        (settings, text) -> settings.withDecontamination(decontamination(settings.decontamination(),
                                settings.decontamination().enabled(), SettingsText.toInteger("decontamination.ngram", text),
                                settings.decontamination().reference(), settings.decontamination().referenceFile()))),
                "Reference", choice("curate-reference", Reference.values(), settings -> settings.decontamination().reference(),
                        (settings, reference) -> settings.withDecontamination(decontamination(settings.decontamination(),
                                settings.decontamination().enabled(), settings.decontamination().ngram(), reference,
                                settings.decontamination().referenceFile()))),
                "Reference file", new HBox(4, file, choose)));
    }

    private static Decontamination decontamination(Decontamination current, Boolean on, Integer ngram, Reference reference,
                                                   String file) {
        return new Decontamination(on, ngram == null ? current.ngram() : ngram, reference, file);
    }

    private TitledPane nearDuplicates() {
        return group("Near duplicates", "curate-group-near-duplicates", form(
                "", binder.check("curate-dedup-instructions", "Over instructions",
                        settings -> settings.nearDuplicates().instructions(),
                        (settings, on) -> settings.withNearDuplicates(new NearDuplicates(on,
                                settings.nearDuplicates().commands(), settings.nearDuplicates().threshold()))),
                "", binder.check("curate-dedup-commands", "Over command sequences",
                        settings -> settings.nearDuplicates().commands(),
                        (settings, on) -> settings.withNearDuplicates(new NearDuplicates(
                                settings.nearDuplicates().instructions(), on, settings.nearDuplicates().threshold()))),
                "Similarity threshold", binder.field("curate-dedup-threshold", "0.8",
                        settings -> of(settings.nearDuplicates().threshold()),
                        (settings, text) -> settings.withNearDuplicates(new NearDuplicates(
                                settings.nearDuplicates().instructions(), settings.nearDuplicates().commands(),
                                SettingsText.toDouble("nearDuplicates.threshold", text))))));
    }

    private TitledPane mixture() {
        return group("Caps and mixture", "curate-group-mixture", form(
                "Cap per source (source=n a line)", binder.area("curate-source-caps", "tb1=500", 2,
                        settings -> SettingsText.ofEntries(settings.mixture().sourceCaps()),
                        (settings, text) -> settings.withMixture(new Mixture(SettingsText.caps("mixture.sourceCaps", text),
                                settings.mixture().domainCaps(), settings.mixture().weightsBy(), settings.mixture().weights()))),
                "Cap per domain (domain=n a line)", binder.area("curate-domain-caps", "networking=200", 2,
                        settings -> SettingsText.ofEntries(settings.mixture().domainCaps()),
                        (settings, text) -> settings.withMixture(new Mixture(settings.mixture().sourceCaps(),
                                SettingsText.caps("mixture.domainCaps", text), settings.mixture().weightsBy(),
                                settings.mixture().weights()))),
                "Weights by", choice("curate-weights-by", MixtureKey.values(), settings -> settings.mixture().weightsBy(),
                        (settings, key) -> settings.withMixture(new Mixture(settings.mixture().sourceCaps(),
                                settings.mixture().domainCaps(), key, settings.mixture().weights()))),
                "Weights (name=weight a line)", binder.area("curate-weights", "tb1=2\nharbor=1", 2,
                        settings -> SettingsText.ofEntries(settings.mixture().weights()),
                        (settings, text) -> settings.withMixture(new Mixture(settings.mixture().sourceCaps(),
                                settings.mixture().domainCaps(), settings.mixture().weightsBy(),
                                SettingsText.weights("mixture.weights", text))))));
    }

    private TitledPane curriculum() {
        return group("Curriculum", "curate-group-curriculum", form(
                "Order", choice("curate-curriculum-order", CurriculumOrder.values(), settings -> settings.curriculum().order(),
                        (settings, order) -> settings.withCurriculum(new Curriculum(order, settings.curriculum().stages()))),
                "Stages (proportions)", binder.field("curate-curriculum-stages", "one stage, or e.g. 0.3, 0.3, 0.4",
                        settings -> SettingsText.ofNumbers(settings.curriculum().stages()),
                        (settings, text) -> settings.withCurriculum(new Curriculum(settings.curriculum().order(),
                                SettingsText.numbers("curriculum.stages", text))))));
    }

    /** Label above control, pair after pair; an empty label puts the control alone on its row. */
    private static GridPane form(Object... labelsAndControls) {
        GridPane grid = new GridPane();
        grid.setVgap(4);
        ColumnConstraints column = new ColumnConstraints();
        column.setHgrow(Priority.ALWAYS);
        column.setFillWidth(true);
        grid.getColumnConstraints().add(column);
        int row = 0;
        for (int i = 0; i < labelsAndControls.length; i += 2) {
            String text = (String) labelsAndControls[i];
            if (!text.isEmpty()) {
                Label label = new Label(text);
                label.getStyleClass().add("text-muted");
                grid.add(label, 0, row++);
            }
            grid.add((Node) labelsAndControls[i + 1], 0, row++);
        }
        return grid;
    }

    private static TitledPane group(String title, String id, Node content) {
        TitledPane pane = new TitledPane(title, content);
        pane.setId(id);
        pane.setExpanded(OPEN_GROUPS.contains(id));
        return pane;
    }

    /** The seed and validation split, which the Export tab shows beside the format. */
    static GridPane splitForm(SettingsBinder binder) {
        return form(
                "Seed (drives every shuffle and the split)", binder.field("export-seed", String.valueOf(CurationSettings.DEFAULT_SEED),
                        settings -> String.valueOf(settings.seed()),
                        (settings, text) -> {
                            Long seed = SettingsText.toLong("seed", text);
                            return settings.withSeed(seed == null ? CurationSettings.DEFAULT_SEED : seed);
                        }),
                "Validation share of tasks (0 – <1)", binder.field("export-validation", "0.0",
                        settings -> of(settings.split().validationFraction()),
                        (settings, text) -> settings.withSplit(new CurationSettings.Split(
                                SettingsText.toDouble("split.validationFraction", text)))));
    }
}
