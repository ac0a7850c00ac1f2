package com.positionlab.ui.common;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;

import com.positionlab.report.Cell;
import com.positionlab.report.Section;
import com.positionlab.report.Unit;

/**
 * Every table's "Copy as CSV" and "Save as CSV…" (its context menu). The CSV is the table as shown, visible
 * columns in order, with each figure written plain: "12.50%" becomes 0.125 in a column headed "(fraction)",
 * "1,234.50" becomes 1234.5; text stays text (escaped where a spreadsheet would run it).
 */
public final class TableExport {

    /** Key of a table's name in its properties (the CSV file's name); else the page's name. */
    public static final String NAME = "positionlab.table-name";

    private static final Pattern NUMBER = Pattern.compile("([-+−]?[0-9][0-9,]*(?:\\.[0-9]+)?)(%?)");

    private TableExport() {
    }

    /** Gives every table under {@code root} the menu; {@code page} names tables that have no name of their own. */
    public static void installAll(Node root, String page, ReportExporter exporter) {
        int i = 0;
        for (Node n : root.lookupAll(".table-view")) {
            if (n instanceof TableView<?> t) {
                install(t, page + (i++ == 0 ? "" : "-" + i), exporter);
            }
        }
    }

    /** Gives {@code table} the menu (once). */
    public static void install(TableView<?> table, String fallbackName, ReportExporter exporter) {
        if (table.getProperties().containsKey(ContextMenu.class)) {
            return;
        }
        MenuItem copy = new MenuItem("Copy as CSV");
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(ReportExporter.csv(table(table, fallbackName)));
            Clipboard.getSystemClipboard().setContent(content);
        });
        MenuItem save = new MenuItem("Save as CSV…");
        save.setOnAction(e -> exporter.saveTable(table(table, fallbackName)));
        ContextMenu menu = new ContextMenu(copy, save);
        table.getProperties().put(ContextMenu.class, menu);
        table.setContextMenu(menu);
    }

    /** The table as shown, as a report table. */
    public static <T> Section.Table table(TableView<T> table, String fallbackName) {
        List<TableColumn<T, ?>> columns = table.getVisibleLeafColumns();
        List<List<String>> shown = new ArrayList<>();
        for (T item : table.getItems()) {
            List<String> row = new ArrayList<>();
            for (TableColumn<T, ?> c : columns) {
                Object v = c.getCellData(item);
                row.add(v == null ? "" : v.toString());
            }
            shown.add(row);
        }
        List<Section.Column> heads = new ArrayList<>();
        List<Boolean> percent = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            boolean numeric = !shown.isEmpty();
            boolean pct = false;
            for (List<String> row : shown) {
                String s = row.get(i).strip();
                Matcher m = NUMBER.matcher(s);
                if (s.isEmpty() || s.equals("—") || s.equals("-")) {
                    continue;
                }
                if (!m.matches()) {
                    numeric = false;
                    break;
                }
                pct |= !m.group(2).isEmpty();
            }
            String header = header(columns.get(i));
            heads.add(!numeric ? Section.Column.text(header) : pct ? Section.Column.of(header, Unit.FRACTION)
                    : Section.Column.of(header, Unit.NUMBER));
            percent.add(numeric ? pct : null);
        }
        List<List<Cell>> rows = new ArrayList<>();
        for (List<String> row : shown) {
            List<Cell> cells = new ArrayList<>();
            for (int i = 0; i < row.size(); i++) {
                cells.add(percent.get(i) == null ? Cell.text(row.get(i)) : number(row.get(i), percent.get(i)));
            }
            rows.add(cells);
        }
        Object name = table.getProperties().get(NAME);
        String title = name == null ? fallbackName : name.toString();
        return new Section.Table(title, title, heads, rows, true);
    }

    private static Cell number(String shown, boolean percentColumn) {
        Matcher m = NUMBER.matcher(shown.strip());
        if (!m.matches()) {
            return Cell.num((BigDecimal) null, percentColumn ? Unit.FRACTION : Unit.NUMBER);
        }
        BigDecimal v = new BigDecimal(m.group(1).replace(",", "").replace('−', '-').replace("+", ""));
        if (!m.group(2).isEmpty()) {
            v = v.movePointLeft(2);
        }
        return Cell.num(v, percentColumn ? Unit.FRACTION : Unit.NUMBER);
    }

    private static String header(TableColumn<?, ?> c) {
        if (c.getText() != null && !c.getText().isBlank()) {
            return c.getText();
        }
        return c.getGraphic() instanceof Label l ? l.getText() : "";
    }
}
