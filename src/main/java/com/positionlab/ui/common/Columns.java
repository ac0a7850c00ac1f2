package com.positionlab.ui.common;

import java.util.function.Function;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;

import atlantafx.base.theme.Tweaks;

/** Read-only table columns of formatted text, with a tooltip on the header that says what the column means. */
public final class Columns {

    private Columns() {
    }

    /** A left-aligned text column. */
    public static <T> TableColumn<T, String> text(String name, String tip, Function<T, String> value, double width) {
        TableColumn<T, String> c = new TableColumn<>();
        Label header = new Label(name);
        if (tip != null) {
            header.setTooltip(new Tooltip(tip));
        }
        c.setGraphic(header);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(value.apply(cd.getValue())));
        c.setPrefWidth(width);
        c.setMinWidth(width);
        c.setSortable(false);
        return c;
    }

    /** A text column whose cells show their whole text in a tooltip, for text that may be cut off. */
    public static <T> TableColumn<T, String> longText(String name, String tip, Function<T, String> value,
                                                      double width) {
        return named(name, tip, value, value, width);
    }

    /**
     * A text column of readable names ({@link Names}) whose cells give the contract's name of the row's value
     * in a tooltip, as the API and the CLI write it.
     */
    public static <T> TableColumn<T, String> named(String name, String tip, Function<T, String> shown,
                                                   Function<T, String> contractName, double width) {
        TableColumn<T, String> c = text(name, tip, shown, width);
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                T row = empty || getTableRow() == null ? null : getTableRow().getItem();
                String contract = row == null ? null : contractName.apply(row);
                setTooltip(contract == null || contract.isEmpty() ? null : new Tooltip(contract));
            }
        });
        return c;
    }

    /** A right-aligned column for numbers. */
    public static <T> TableColumn<T, String> number(String name, String tip, Function<T, String> value, double width) {
        TableColumn<T, String> c = text(name, tip, value, width);
        c.getStyleClass().add(Tweaks.ALIGN_RIGHT);
        return c;
    }

    /**
     * Gives {@code column} the width the table has left after its other columns (at least {@code min}), for
     * a table whose columns keep their widths and scroll sideways when the window is narrow: on a wide
     * window the long texts show in full instead of leaving the room empty.
     */
    public static <T> void fillRemaining(TableView<T> table, TableColumn<T, ?> column, double min) {
        Runnable fit = () -> {
            double others = table.getColumns().stream().filter(c -> c != column && c.isVisible())
                    .mapToDouble(TableColumn::getWidth).sum();
            // Leave room for the vertical scroll bar and the borders.
            column.setPrefWidth(Math.max(min, table.getWidth() - others - 20));
        };
        table.widthProperty().addListener((o, a, b) -> fit.run());
        table.getColumns().addListener((javafx.collections.ListChangeListener<TableColumn<T, ?>>) c -> fit.run());
    }
}
