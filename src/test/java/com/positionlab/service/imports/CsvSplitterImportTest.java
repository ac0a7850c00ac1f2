package com.positionlab.service.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CsvSplitterImportTest {

    @Test
    void splitsOnCommasAndTrimsFields() throws RowException {
        assertThat(CsvSplitter.split(" a , b,,c ")).containsExactly("a", "b", "", "c");
        assertThat(CsvSplitter.split("a,")).containsExactly("a", "");
        assertThat(CsvSplitter.split("")).containsExactly("");
    }

    @Test
    void quotedFieldsKeepCommasAndDoubledQuotes() throws RowException {
        assertThat(CsvSplitter.split("\"Alphabet, Inc.\",\"say \"\"hi\"\"\" , \"\"")).containsExactly(
                "Alphabet, Inc.", "say \"hi\"", "");
    }

    @Test
    void malformedQuotesAreRowErrors() {
        assertThatThrownBy(() -> CsvSplitter.split("a,\"b")).isInstanceOf(RowException.class)
                .hasMessage("field 2: unterminated quoted field (a field may not span lines)");
        assertThatThrownBy(() -> CsvSplitter.split("\"a\"x,b")).isInstanceOf(RowException.class)
                .hasMessage("field 1: text after the closing quote");
    }
}
