package org.termcurator.ui.curate;

import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.TableColumn;

/** Read-only text columns of the section's tables. */
final class Columns {

    private Columns() {
    }

    /** A column of the text {@code value} gives for a row; its id is "curate-column-" and the title in lower case. */
    static <R> TableColumn<R, String> text(String title, Function<R, String> value, double width) {
        TableColumn<R, String> column = new TableColumn<>(title);
        column.setId("curate-column-" + title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-"));
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        column.setPrefWidth(width);
        return column;
    }
}
