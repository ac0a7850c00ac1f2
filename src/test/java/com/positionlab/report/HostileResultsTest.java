package com.positionlab.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.positionlab.engine.task.Progress;
import com.positionlab.report.kinds.ReportKind;

/**
 * A result file is outside input: every field of each kind's result replaced in turn by a value of another
 * type (text, a number, null, an empty array, an empty object, a huge number) is either reported (PDF, zip
 * and JSON written) or refused with an IllegalArgumentException saying what is missing, never another
 * exception; so is every field of each shape a backtest report reads.
 */
class HostileResultsTest {

    @TempDir
    Path dir;

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final List<JsonNode> REPLACEMENTS = List.of(F.textNode("=cmd|' /C calc'!A0"), F.numberNode(-1e308),
            F.nullNode(), F.arrayNode(), F.objectNode(), F.numberNode(7));

    @Test
    void everyFieldOfEveryKindReplacedByAnotherTypeIsReportedOrRefused() throws Exception {
        JsonNode[] both = Results.portfolioAndEdge(dir);
        JsonNode simulation = trimmed(Results.simulation());
        List<Object[]> kinds = List.of(new Object[] {ReportKind.KELLY, Results.kelly()},
                new Object[] {ReportKind.SIMULATION, simulation},
                new Object[] {ReportKind.SIZING, Results.sizingAllMethods()},
                new Object[] {ReportKind.PORTFOLIO, both[0]}, new Object[] {ReportKind.EDGE, both[1]});
        int[] counts = replaceEveryField(kinds);
        assertThat(counts[0]).isGreaterThan(500);
        assertThat(counts[1]).isPositive();
    }

    @Test
    void everyFieldOfEveryBacktestShapeReplacedByAnotherTypeIsReportedOrRefused() throws Exception {
        List<Object[]> shapes = List.of(new Object[] {ReportKind.BACKTEST, BacktestResults.single("One", 6, 3)},
                new Object[] {ReportKind.BACKTEST, BacktestResults.comparison(4, 2)},
                new Object[] {ReportKind.BACKTEST, BacktestResults.sweep()},
                new Object[] {ReportKind.BACKTEST, BacktestResults.tradeSequence(3)},
                new Object[] {ReportKind.BACKTEST, BacktestResults.attribution()});
        int[] counts = replaceEveryField(shapes);
        assertThat(counts[0]).isGreaterThan(500);
        assertThat(counts[1]).isPositive();
    }

    /** Builds and writes each result with each field replaced in turn; the counts written and refused. */
    private static int[] replaceEveryField(List<Object[]> kinds) {
        int written = 0;
        int refused = 0;
        for (Object[] k : kinds) {
            ReportKind kind = (ReportKind) k[0];
            JsonNode result = (JsonNode) k[1];
            for (List<Object> path : paths(result, new ArrayList<>(), new ArrayList<>())) {
                for (JsonNode replacement : REPLACEMENTS) {
                    JsonNode hostile = result.deepCopy();
                    set(hostile, path, replacement);
                    try {
                        Report report = kind.build(hostile, Results.context());
                        for (ReportFormat f : List.of(ReportFormat.PDF, ReportFormat.ZIP, ReportFormat.JSON)) {
                            f.writer().write(report, new ByteArrayOutputStream(), Progress.NONE);
                        }
                        written++;
                    } catch (IllegalArgumentException e) {
                        refused++;
                        assertThat(e.getMessage()).as("%s %s", kind, path).isNotBlank();
                    } catch (Exception | AssertionError e) {
                        throw new AssertionError(kind + " with " + path + " = " + replacement + ": " + e, e);
                    }
                }
            }
        }
        return new int[] {written, refused};
    }

    /** The simulation with two fractions, two bands and one sample path: the paths are what is varied. */
    private static JsonNode trimmed(JsonNode sim) {
        ObjectNode s = sim.deepCopy();
        ArrayNode fractions = (ArrayNode) s.get("fractions");
        while (fractions.size() > 2) {
            fractions.remove(fractions.size() - 1);
        }
        for (JsonNode f : fractions) {
            ArrayNode bands = (ArrayNode) f.get("bands");
            while (bands.size() > 2) {
                bands.remove(bands.size() - 1);
            }
            ArrayNode paths = (ArrayNode) f.get("sample_paths");
            while (paths.size() > 1) {
                paths.remove(paths.size() - 1);
            }
        }
        return s;
    }

    /** Paths to every field and first array element (array elements beyond the first are like it). */
    private static List<List<Object>> paths(JsonNode node, List<Object> at, List<List<Object>> out) {
        if (!at.isEmpty()) {
            out.add(List.copyOf(at));
        }
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                at.add(e.getKey());
                paths(e.getValue(), at, out);
                at.remove(at.size() - 1);
            }
        } else if (node.isArray() && !node.isEmpty() && node.get(0).isContainerNode()) {
            at.add(0);
            paths(node.get(0), at, out);
            at.remove(at.size() - 1);
        }
        return out;
    }

    private static void set(JsonNode root, List<Object> path, JsonNode value) {
        JsonNode parent = root;
        for (int i = 0; i < path.size() - 1; i++) {
            Object p = path.get(i);
            parent = p instanceof String s ? parent.get(s) : parent.get((Integer) p);
        }
        Object last = path.get(path.size() - 1);
        if (last instanceof String s) {
            ((ObjectNode) parent).set(s, value);
        } else {
            ((ArrayNode) parent).set((Integer) last, value);
        }
    }
}
