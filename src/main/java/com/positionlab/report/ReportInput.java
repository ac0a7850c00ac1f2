package com.positionlab.report;

import java.io.IOException;
import java.io.InputStream;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.positionlab.service.JsonRequests;

/**
 * Reads a result a command printed, to report it. Bounded like every input, but larger than a request: a
 * simulation's result with its paths and bands runs to megabytes.
 */
public final class ReportInput {

    /** Largest result read. */
    public static final int MAX_BYTES = 32 << 20;
    static final int MAX_DEPTH = 64;

    private static final ObjectMapper READER = new ObjectMapper(JsonFactory.builder().streamReadConstraints(
            StreamReadConstraints.builder().maxDocumentLength(MAX_BYTES).maxNestingDepth(MAX_DEPTH)
                    .maxNumberLength(400).maxStringLength(1 << 20).build()).build())
            // Numbers as written: the JSON export gives back 99973.10, not 99973.1.
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

    private ReportInput() {
    }

    /**
     * The JSON value in {@code in}.
     *
     * @throws IllegalArgumentException saying what is wrong (where the JSON is malformed, which limit it
     *                                  passes), without the parser's internals
     */
    public static JsonNode read(InputStream in) throws IOException {
        try (JsonParser p = READER.createParser(in)) {
            JsonNode tree = READER.readTree(p);
            if (tree == null || tree.isMissingNode()) {
                throw new IllegalArgumentException("is empty: expected the JSON a command printed");
            }
            if (p.nextToken() != null) {
                throw new IllegalArgumentException("malformed JSON at " + at(p.currentLocation())
                        + ": more follows the JSON value");
            }
            return tree;
        } catch (StreamConstraintsException e) {
            throw new IllegalArgumentException("is larger than a result can be (at most " + (MAX_BYTES >> 20)
                    + " MB, " + MAX_DEPTH + " levels of nesting)");
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("malformed JSON at " + at(e.getLocation()) + ": "
                    + JsonRequests.plain(e.getOriginalMessage()));
        }
    }

    private static String at(JsonLocation l) {
        return l == null ? "an unknown place" : "line " + l.getLineNr() + ", column " + l.getColumnNr();
    }
}
