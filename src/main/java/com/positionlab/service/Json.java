package com.positionlab.service;

import com.fasterxml.jackson.core.ErrorReportConfiguration;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one JSON mapping of the contract: snake_case field names, ISO dates, unknown fields rejected.
 * The CLI, the API and the JSON report all use it, so a result reads the same everywhere.
 *
 * <p>A number that is not finite is written as {@code null} ({@link NonFiniteNumbers}). Doubles are written
 * and read by Jackson's fast (Schubfach and FastDoubleParser) routines: the shortest text that reads back to
 * the same double.
 *
 * <p>{@link #mapper()} writes, and reads what the application wrote itself (stored responses and rule
 * parameters). {@link #requestMapper()} reads what anyone else wrote (API bodies, CLI request files, rule
 * files) and bounds it, so that reading costs milliseconds whatever the document holds: at most
 * {@value #MAX_DOCUMENT_BYTES} bytes, {@value #MAX_DEPTH} levels of nesting, numbers of at most
 * {@value #MAX_NUMBER_LENGTH} characters, strings of at most {@value #MAX_STRING_LENGTH} characters and
 * field names of at most {@value #MAX_NAME_LENGTH}; a field given twice is an error; and every value is
 * checked against {@link InputLimits} by {@link BoundedInputModule}.
 */
public final class Json {

    public static final int MAX_DOCUMENT_BYTES = 1 << 20;
    public static final int MAX_DEPTH = 32;
    public static final int MAX_NUMBER_LENGTH = 40;
    public static final int MAX_STRING_LENGTH = 64 * 1024;
    public static final int MAX_NAME_LENGTH = 256;
    /** Characters of an offending token that Jackson's own messages quote. */
    private static final int MAX_ERROR_TOKEN = 60;

    private static final ObjectMapper MAPPER = configure(JsonMapper.builder(JsonFactory.builder()
            .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
            .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
            .build()))
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .addModule(NonFiniteNumbers.reading())
            .build();

    private static final ObjectMapper REQUEST_MAPPER = configure(JsonMapper.builder(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxDocumentLength(MAX_DOCUMENT_BYTES)
                    .maxNestingDepth(MAX_DEPTH)
                    .maxNumberLength(MAX_NUMBER_LENGTH)
                    .maxStringLength(MAX_STRING_LENGTH)
                    .maxNameLength(MAX_NAME_LENGTH)
                    .build())
            .errorReportConfiguration(ErrorReportConfiguration.builder()
                    .maxErrorTokenLength(MAX_ERROR_TOKEN)
                    .maxRawContentLength(MAX_ERROR_TOKEN)
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
            .enable(StreamReadFeature.USE_FAST_BIG_NUMBER_PARSER)
            .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
            .build()))
            // A whole-number field given 1.5 is an error, not 1.
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .addModule(new BoundedInputModule())
            .build();

    private Json() {
    }

    private static JsonMapper.Builder configure(JsonMapper.Builder builder) {
        return builder
                .addModule(new JavaTimeModule())
                .addModule(NonFiniteNumbers.writing())
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(SerializationFeature.INDENT_OUTPUT)
                .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /** Writes the contract, and reads what the application itself wrote. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Reads documents from outside, within the bounds described above; see {@link JsonRequests}. */
    public static ObjectMapper requestMapper() {
        return REQUEST_MAPPER;
    }
}
