package org.termcurator.ui.curate;

import atlantafx.base.theme.Styles;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.util.StringConverter;
import org.termcurator.core.curate.CurationSettings;

/**
 * Ties form controls to one part of the view model's {@link CurationSettings}: a user's edit
 * becomes a new settings value (refused values mark the control and say why), and a settings
 * value from elsewhere (a preset picked) is shown in every control.
 */
final class SettingsBinder {

    /** Makes the next settings from the current ones and a control's text; throws IllegalArgumentException on bad text. */
    @FunctionalInterface
    interface TextChange {
        CurationSettings apply(CurationSettings settings, String text);
    }

    private final CurateViewModel model;
    private final List<Runnable> refreshers = new ArrayList<>();
    private boolean showing;

    SettingsBinder(CurateViewModel model) {
        this.model = model;
        model.settingsProperty().addListener((observable, before, after) -> refresh());
    }

    /** Shows the current settings in every bound control. */
    void refresh() {
        showing = true;
        try {
            refreshers.forEach(Runnable::run);
        } finally {
            showing = false;
        }
    }

    <E> ComboBox<E> choice(String id, List<E> values, Function<E, String> label,
                           Function<CurationSettings, E> read, BiFunction<CurationSettings, E, CurationSettings> write) {
        ComboBox<E> box = new ComboBox<>();
        box.setId(id);
        box.getItems().setAll(values);
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(E value) {
                return value == null ? "" : label.apply(value);
            }

            @Override
            public E fromString(String text) {
                return null;
            }
        });
        box.setMaxWidth(Double.MAX_VALUE);
        refreshers.add(() -> box.setValue(read.apply(model.settings())));
        box.valueProperty().addListener((observable, before, after) -> {
            if (!showing && after != null) {
                model.update(settings -> write.apply(settings, after));
            }
        });
        return box;
    }

    CheckBox check(String id, String text, Predicate<CurationSettings> read,
                   BiFunction<CurationSettings, Boolean, CurationSettings> write) {
        CheckBox box = new CheckBox(text);
        box.setId(id);
        box.setWrapText(true);
        refreshers.add(() -> box.setSelected(read.test(model.settings())));
        box.selectedProperty().addListener((observable, before, after) -> {
            if (!showing && !model.update(settings -> write.apply(settings, after))) {
                box.setSelected(before); // refused: the box shows what the settings hold
            }
        });
        return box;
    }

    TextField field(String id, String prompt, Function<CurationSettings, String> read, TextChange write) {
        TextField field = new TextField();
        field.setPromptText(prompt);
        return bindText(field, id, read, write);
    }

    TextArea area(String id, String prompt, int rows, Function<CurationSettings, String> read, TextChange write) {
        TextArea area = new TextArea();
        area.setPromptText(prompt);
        area.setPrefRowCount(rows);
        area.setWrapText(false);
        return bindText(area, id, read, write);
    }

    /**
     * Every keystroke that gives valid settings updates them (the preview waits for typing to
     * pause); the control being typed in is not rewritten under the caret.
     */
    private <T extends TextInputControl> T bindText(T control, String id, Function<CurationSettings, String> read,
                                                    TextChange write) {
        control.setId(id);
        refreshers.add(() -> {
            if (!control.isFocused()) {
                control.setText(read.apply(model.settings()));
                control.pseudoClassStateChanged(Styles.STATE_DANGER, false);
            }
        });
        control.textProperty().addListener((observable, before, after) -> {
            if (showing) {
                return;
            }
            boolean taken = model.update(settings -> write.apply(settings, after));
            control.pseudoClassStateChanged(Styles.STATE_DANGER, !taken);
        });
        control.focusedProperty().addListener((observable, before, focused) -> {
            if (!focused && !control.getPseudoClassStates().contains(Styles.STATE_DANGER)) {
                showing = true;
                try {
                    control.setText(read.apply(model.settings())); // the value as the settings hold it
                } finally {
                    showing = false;
                }
            }
        });
        return control;
    }
}
