package com.positionlab.service;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.positionlab.service.ValidationException.FieldError;

/**
 * Reads a document of the JSON contract, turning every way it can be wrong into a
 * {@link ValidationException} that names the field as a path ({@code "trading_decision.entry_price: expected
 * a number"}, {@code "[2].sizing_parameters.confidence_level: ..."}). Reads through
 * {@link Json#requestMapper()}, so every document is bounded (size, depth, number and string lengths, value
 * ranges of {@link InputLimits}); a key given twice is {@code "<path>: appears twice"}; offending values are
 * quoted by {@link ValidationException#quote(String)}.
 */
public final class JsonRequests {

    private JsonRequests() {
    }

    /** A request object; problems with the document as a whole are on the field {@code request}. */
    public static <T> T read(InputStream in, Class<T> type) {
        return read(in, type, "request", "this request");
    }

    /**
     * A document of {@code type}.
     *
     * @param root    the field name for problems with the document as a whole ({@code request}, {@code $})
     * @param subject what an unknown field is not a field of ({@code "this request"}, {@code "a sizing rule"})
     */
    public static <T> T read(InputStream in, Class<T> type, String root, String subject) {
        return readChecked(in, type, root, subject, value -> List.of());
    }

    /**
     * A request object, with every problem reported at once: each field of the wrong type (the document
     * is bound again without it) and, beside them, what {@code check} finds wrong with the rest of the
     * request (its problems with a field already named as of the wrong type are left out, "is required"
     * among them). {@code check} must have no side effects.
     */
    public static <T> T readChecked(InputStream in, Class<T> type, Function<T, List<FieldError>> check) {
        return readChecked(in, type, "request", "this request", check);
    }

    private static <T> T readChecked(InputStream in, Class<T> type, String root, String subject,
                                     Function<T, List<FieldError>> check) {
        String expected = describe(type);
        JsonNode tree = tree(in, root);
        if (tree == null || tree.isNull() || tree.isMissingNode()) {
            throw new ValidationException(root, "is empty; expected " + expected);
        }
        List<FieldError> wrongType = new ArrayList<>();
        for (int attempt = 0; attempt <= MAX_TYPE_ERRORS; attempt++) {
            try {
                T value = Json.requestMapper().treeToValue(tree, type);
                if (wrongType.isEmpty()) {
                    return value;
                }
                List<FieldError> all = new ArrayList<>(wrongType);
                for (FieldError e : check.apply(value)) {
                    if (wrongType.stream().noneMatch(w -> e.field().equals(w.field())
                            || e.field().startsWith(w.field() + ".") || e.field().startsWith(w.field() + "["))) {
                        all.add(e);
                    }
                }
                throw new ValidationException(all);
            } catch (MismatchedInputException e) {
                if (e instanceof UnrecognizedPropertyException || e.getPath().isEmpty()
                        || wrongType.size() == MAX_TYPE_ERRORS || !remove(tree, e.getPath())) {
                    throw translate(e, root, subject, expected);
                }
                wrongType.add(typeError(e, root));
            } catch (JsonProcessingException e) {
                throw translate(e, root, subject, expected);
            }
        }
        throw new ValidationException(wrongType);
    }

    /** Most fields of the wrong type reported at once. */
    static final int MAX_TYPE_ERRORS = 20;

    /** The document as a tree; malformed JSON and documents over the limits become a ValidationException. */
    private static JsonNode tree(InputStream in, String root) {
        // Numbers are kept exactly as written (no rounding to a double), so that each field's binding and
        // bounds see the same number as when it is read straight from the text.
        ObjectReader reader = Json.requestMapper().reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .with(JsonNodeFactory.withExactBigDecimals(true));
        try (JsonParser p = reader.createParser(in)) {
            try {
                JsonNode tree = reader.readTree(p);
                if (tree != null && p.nextToken() != null) {
                    throw new ValidationException(root, "malformed JSON at line " + p.currentLocation().getLineNr()
                            + ", column " + p.currentLocation().getColumnNr() + ": more follows the JSON value");
                }
                return tree;
            } catch (StreamConstraintsException e) {
                throw tooLarge(e, contextPath(p.getParsingContext(), root), root);
            } catch (MismatchedInputException e) {
                if (e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Trailing token")) {
                    throw new ValidationException(root, "malformed JSON at line " + p.currentLocation().getLineNr()
                            + ", column " + p.currentLocation().getColumnNr() + ": more follows the JSON value");
                }
                throw e;
            }
        } catch (JsonProcessingException e) {
            throw translate(e, root, "this request", "a JSON object");
        } catch (IOException e) {
            throw new ValidationException(root, "could not be read: " + e.getMessage());
        }
    }

    /** Removes the value at {@code path} from the tree, so that the rest can be bound; false when it cannot. */
    private static boolean remove(JsonNode tree, List<JsonMappingException.Reference> path) {
        JsonNode parent = tree;
        for (int i = 0; i < path.size() - 1; i++) {
            JsonMappingException.Reference r = path.get(i);
            parent = r.getFieldName() != null ? parent.get(r.getFieldName()) : parent.get(r.getIndex());
            if (parent == null) {
                return false;
            }
        }
        JsonMappingException.Reference last = path.get(path.size() - 1);
        if (last.getFieldName() != null && parent instanceof ObjectNode o && o.has(last.getFieldName())) {
            o.remove(last.getFieldName());
            return true;
        }
        if (last.getFieldName() == null && last.getIndex() >= 0 && parent instanceof ArrayNode a
                && last.getIndex() < a.size()) {
            a.set(last.getIndex(), NullNode.getInstance());
            return true;
        }
        return false;
    }

    private static FieldError typeError(MismatchedInputException e, String root) {
        String got = e instanceof InvalidFormatException f ? ", got " + ValidationException.quote(String.valueOf(
                f.getValue())) : "";
        return new FieldError(path(e, root), "expected " + describe(e.getTargetType()) + got);
    }

    /** Every other way a document can be wrong, as one field error. */
    private static ValidationException translate(JsonProcessingException ex, String root, String subject,
                                                 String expected) {
        if (ex instanceof UnrecognizedPropertyException e) {
            String at = path(e, root);
            return new ValidationException(at.equals(root) ? e.getPropertyName() : at, "is not a field of " + subject);
        }
        if (ex instanceof InvalidFormatException e) {
            return new ValidationException(path(e, root), "expected " + describe(e.getTargetType()) + ", got "
                    + ValidationException.quote(String.valueOf(e.getValue())));
        }
        if (ex instanceof MismatchedInputException e) {
            if (e.getOriginalMessage() != null && e.getOriginalMessage().contains("end-of-input")) {
                return new ValidationException(root, "malformed JSON: it ends too early");
            }
            if (e.getPath().isEmpty()) {
                return new ValidationException(root, "expected " + expected);
            }
            return new ValidationException(path(e, root), "expected " + describe(e.getTargetType()));
        }
        if (ex instanceof JsonParseException e) {
            return malformed(e, root);
        }
        if (ex instanceof StreamConstraintsException e) {
            return tooLarge(e, root, root);
        }
        if (ex instanceof JsonMappingException e) {
            if (e.getCause() instanceof JsonParseException cause) {
                return malformed(cause, root);
            }
            if (e.getCause() instanceof StreamConstraintsException cause) {
                return tooLarge(cause, path(e, root), root);
            }
            if (e.getCause() instanceof ValidationException v) {
                return v;
            }
            if (e.getCause() instanceof IllegalArgumentException iae && iae.getMessage() != null) {
                return new ValidationException(path(e, root), iae.getMessage());
            }
            return new ValidationException(path(e, root), e.getOriginalMessage());
        }
        return new ValidationException(root, ex.getOriginalMessage());
    }

    /** A document over one of the reader's limits (size, nesting, a number's or a string's length). */
    private static ValidationException tooLarge(StreamConstraintsException e, String field, String root) {
        String what = e.getOriginalMessage();
        int cut = what.indexOf(", from `");
        if (cut > 0) {
            what = what.substring(0, cut) + ")";
        }
        if (what.startsWith("Document")) {
            field = root;
        }
        return new ValidationException(field, "is too large: " + what);
    }

    private static ValidationException malformed(JsonParseException e, String root) {
        if (e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Duplicate field")
                && e.getProcessor() != null) {
            return new ValidationException(contextPath(e.getProcessor().getParsingContext(), root), "appears twice");
        }
        String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr();
        return new ValidationException(root, "malformed JSON" + where + ": " + plain(e.getOriginalMessage()));
    }

    /**
     * A parser's message in a trader's words, without the library's internals: no source description, no
     * character codes, and the list of what may come in plain words.
     */
    public static String plain(String message) {
        if (message == null) {
            return "";
        }
        return message
                .replaceAll("\\[Source: [^\\]]*?line: (\\d+), column: (\\d+)]", "line $1, column $2")
                .replaceAll(" \\(code \\d+\\)", "")
                .replace("(JSON String, Number, Array, Object or token 'null', 'true' or 'false')",
                        "a value (a string, a number, an array, an object, true, false or null)")
                .replace("(JSON String, Number, Array, Object or token...'null', 'true' or 'false')",
                        "a value (a string, a number, an array, an object, true, false or null)")
                .replaceAll("\\s+", " ").strip();
    }

    /** The dotted path of where a parser stands ({@code trading_decision.entry_price}, {@code [2].rule_id}). */
    private static String contextPath(JsonStreamContext context, String root) {
        ArrayDeque<String> parts = new ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                parts.addFirst("[" + c.getCurrentIndex() + "]");
            } else if (c.getCurrentName() != null) {
                parts.addFirst("." + c.getCurrentName());
            }
        }
        String path = String.join("", parts);
        return path.isEmpty() ? root : path.startsWith(".") ? path.substring(1) : path;
    }

    private static String path(JsonMappingException e, String root) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.length() == 0 ? root : sb.toString();
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "another kind of value";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "a number";
        }
        if (type.isArray() || java.util.Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        return "a JSON object";
    }
}
