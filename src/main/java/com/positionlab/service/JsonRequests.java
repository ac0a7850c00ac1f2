package com.positionlab.service;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

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
        String expected = describe(type);
        try {
            T value = Json.requestMapper().readValue(in, type);
            if (value == null) {
                throw new ValidationException(root, "is empty; expected " + expected);
            }
            return value;
        } catch (UnrecognizedPropertyException e) {
            String at = path(e, root);
            throw new ValidationException(at.equals(root) ? e.getPropertyName() : at, "is not a field of " + subject);
        } catch (InvalidFormatException e) {
            throw new ValidationException(path(e, root), "expected " + describe(e.getTargetType()) + ", got "
                    + ValidationException.quote(String.valueOf(e.getValue())));
        } catch (MismatchedInputException e) {
            if (e.getOriginalMessage() != null && e.getOriginalMessage().contains("end-of-input")) {
                throw new ValidationException(root, "malformed JSON: it ends too early");
            }
            if (e.getPath().isEmpty()) {
                throw new ValidationException(root, "expected " + expected);
            }
            throw new ValidationException(path(e, root), "expected " + describe(e.getTargetType()));
        } catch (JsonParseException e) {
            throw malformed(e, root);
        } catch (StreamConstraintsException e) {
            throw tooLarge(e, root, root);
        } catch (JsonMappingException e) {
            if (e.getCause() instanceof JsonParseException cause) {
                throw malformed(cause, root);
            }
            if (e.getCause() instanceof StreamConstraintsException cause) {
                throw tooLarge(cause, path(e, root), root);
            }
            if (e.getCause() instanceof IllegalArgumentException iae && iae.getMessage() != null) {
                throw new ValidationException(path(e, root), iae.getMessage());
            }
            throw new ValidationException(path(e, root), e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw new ValidationException(root, e.getOriginalMessage());
        } catch (IOException e) {
            throw new ValidationException(root, "could not be read: " + e.getMessage());
        }
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
        return new ValidationException(root, "malformed JSON" + where + ": " + e.getOriginalMessage());
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
