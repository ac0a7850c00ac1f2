package com.positionlab.service;

import java.io.IOException;
import java.io.InputStream;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Reads a request of the JSON contract, turning every way it can be wrong into a
 * {@link ValidationException} that names the field ({@code "win_probability: expected a number"}).
 */
public final class JsonRequests {

    private JsonRequests() {
    }

    public static <T> T read(InputStream in, Class<T> type) {
        try {
            T value = Json.mapper().readValue(in, type);
            if (value == null) {
                throw new ValidationException("request", "is empty; expected a JSON object");
            }
            return value;
        } catch (UnrecognizedPropertyException e) {
            String at = path(e);
            throw new ValidationException(at.equals("request") ? e.getPropertyName() : at,
                    "is not a field of this request");
        } catch (InvalidFormatException e) {
            throw new ValidationException(path(e), "expected " + describe(e.getTargetType()) + ", got "
                    + e.getValue());
        } catch (MismatchedInputException e) {
            String field = path(e);
            if (e.getTargetType() != null && e.getTargetType() == type) {
                throw new ValidationException("request", "expected a JSON object");
            }
            throw new ValidationException(field, "expected " + describe(e.getTargetType()));
        } catch (JsonParseException e) {
            throw new ValidationException("request", "malformed JSON at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
        } catch (JsonMappingException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IllegalArgumentException iae && cause.getMessage() != null) {
                throw new ValidationException(path(e), iae.getMessage());
            }
            throw new ValidationException(path(e), e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw new ValidationException("request", e.getOriginalMessage());
        } catch (IOException e) {
            throw new ValidationException("request", "could not be read: " + e.getMessage());
        }
    }

    private static String path(JsonMappingException e) {
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
        return sb.length() == 0 ? "request" : sb.toString();
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "another value";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == int.class || type == long.class) {
            return "a number";
        }
        if (type.isArray() || java.util.Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (type.isEnum()) {
            return "one of " + String.join(", ", java.util.Arrays.stream(type.getEnumConstants())
                    .map(Object::toString).toList());
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        return "an object";
    }
}
