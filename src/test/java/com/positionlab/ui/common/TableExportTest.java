package com.positionlab.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.FutureTask;

import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.cell.PropertyValueFactory;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

import com.positionlab.report.Section;
import com.positionlab.report.Unit;

/**
 * A table as shown becomes CSV with plain numbers: "12.50%" is 0.125 under a "(fraction)" header,
 * "1,234.50" is 1234.5, "+0.18%" is 0.0018, a dash is an empty cell, text stays text (formulas escaped);
 * only visible columns, in order; the context menu has both actions.
 */
class TableExportTest {

    /** A row of the test table. */
    public record Row(String name, String value, String share) {
        public String getName() {
            return name;
        }
    }

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void aTableAsShownBecomesCsvWithPlainNumbers() throws Exception {
        TableView<Row> table = onFx(() -> {
            TableView<Row> t = new TableView<>(FXCollections.observableArrayList(
                    new Row("=cmd|' /C calc'!A0", "1,234.50", "12.50%"),
                    new Row("Beta, Inc.", "-7", "+0.18%"),
                    new Row("Gamma", "—", "—")));
            t.getColumns().add(Columns.text("Name", "who", Row::name, 80));
            t.getColumns().add(Columns.number("Value", "how much", Row::value, 80));
            t.getColumns().add(Columns.number("Share", "of the book", Row::share, 80));
            TableColumn<Row, String> hidden = new TableColumn<>("Hidden");
            hidden.setCellValueFactory(new PropertyValueFactory<>("name"));
            hidden.setVisible(false);
            t.getColumns().add(hidden);
            t.getProperties().put(TableExport.NAME, "holdings");
            TableExport.install(t, "page", null);
            return t;
        });
        Section.Table s = onFx(() -> TableExport.table(table, "page"));
        assertThat(s.name()).isEqualTo("holdings");
        assertThat(s.columns()).extracting(Section.Column::unit).containsExactly(null, Unit.NUMBER, Unit.FRACTION);
        List<CSVRecord> rows = CSVFormat.RFC4180.parse(new StringReader(ReportExporter.csv(s))).getRecords();
        assertThat(rows.get(0).values()).containsExactly("Name", "Value", "Share (fraction)");
        assertThat(rows.get(1).values()).containsExactly("'=cmd|' /C calc'!A0", "1234.5", "0.125");
        assertThat(rows.get(2).values()).containsExactly("Beta, Inc.", "-7", "0.0018");
        assertThat(rows.get(3).values()).containsExactly("Gamma", "", "");
        assertThat(table.getContextMenu().getItems()).extracting(i -> i.getText())
                .containsExactly("Copy as CSV", "Save as CSV…");
    }

    private static <T> T onFx(Callable<T> work) throws Exception {
        FutureTask<T> task = new FutureTask<>(work);
        Platform.runLater(task);
        return task.get();
    }
}
