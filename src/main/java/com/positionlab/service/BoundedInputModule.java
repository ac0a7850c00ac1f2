package com.positionlab.service;

import java.io.IOException;
import java.math.BigDecimal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.ArrayType;

/**
 * Applies {@link InputLimits} to every value Jackson reads, whatever the request type: each
 * {@code BigDecimal}, {@code double}/{@code Double} (alone, in arrays, lists and maps), string and map key.
 * It wraps Jackson's own deserializers, so coercions, nulls and type errors behave as before; a value out of
 * bounds fails with a {@link JsonMappingException} whose path names the field and whose message is the
 * limit (read by {@link JsonRequests}).
 *
 * <p>Strings are judged by their JSON field name: {@code *_id}, {@code id} and {@code currency} are
 * identifiers, {@code sector}, {@code name} and {@code *_name} are names, anything else is free text.
 * A blank string is left to the request's own validation (which usually reads it as absent); others are
 * checked without their surrounding spaces. Map keys (instrument ids, sectors, strategies) are names.
 */
public final class BoundedInputModule extends SimpleModule {

    public BoundedInputModule() {
        super("positionlab-bounded-input");
        setDeserializerModifier(new Modifier());
    }

    /** What a string field holds, from its name. */
    static String checkString(String field, String value) {
        if (value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (field == null) {
            return InputLimits.checkText(value);
        }
        if (field.equals("id") || field.endsWith("_id") || field.equals("currency")) {
            return InputLimits.checkId(v);
        }
        if (field.equals("sector") || field.equals("name") || field.endsWith("_name")) {
            return InputLimits.checkName(v);
        }
        return InputLimits.checkText(value);
    }

    private static final class Modifier extends BeanDeserializerModifier {
        @Override
        public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription beanDesc,
                                                      JsonDeserializer<?> deserializer) {
            Class<?> raw = beanDesc.getBeanClass();
            if (raw == BigDecimal.class || raw == Double.class || raw == double.class || raw == String.class) {
                return new Bounded(deserializer, null);
            }
            return deserializer;
        }

        @Override
        public JsonDeserializer<?> modifyArrayDeserializer(DeserializationConfig config, ArrayType valueType,
                                                           BeanDescription beanDesc, JsonDeserializer<?> deserializer) {
            return valueType.getRawClass() == double[].class ? new Bounded(deserializer, null) : deserializer;
        }

        @Override
        public KeyDeserializer modifyKeyDeserializer(DeserializationConfig config, JavaType type,
                                                     KeyDeserializer deserializer) {
            return type.getRawClass() == String.class ? new BoundedKey(deserializer) : deserializer;
        }
    }

    /** Reads as Jackson would, then checks the value against {@link InputLimits}. */
    private static final class Bounded extends DelegatingDeserializer {

        private final String field;

        Bounded(JsonDeserializer<?> delegate, String field) {
            super(delegate);
            this.field = field;
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> newDelegatee) {
            return new Bounded(newDelegatee, field);
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property)
                throws JsonMappingException {
            Bounded contextual = (Bounded) super.createContextual(ctxt, property);
            return property == null ? contextual : new Bounded(contextual._delegatee, property.getName());
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            Object value = _delegatee.deserialize(p, ctxt);
            check(p, value);
            return value;
        }

        private void check(JsonParser p, Object value) throws JsonMappingException {
            if (value instanceof double[] array) {
                for (int i = 0; i < array.length; i++) {
                    String reason = InputLimits.checkDouble(array[i]);
                    if (reason != null) {
                        throw JsonMappingException.wrapWithPath(JsonMappingException.from(p, reason), array, i);
                    }
                }
                return;
            }
            String reason = null;
            if (value instanceof BigDecimal decimal) {
                reason = InputLimits.checkDecimal(decimal);
            } else if (value instanceof Double number) {
                reason = InputLimits.checkDouble(number);
            } else if (value instanceof String text) {
                reason = checkString(field, text);
            }
            if (reason != null) {
                throw JsonMappingException.from(p, reason);
            }
        }
    }

    /** Map keys are names: at most {@value InputLimits#MAX_NAME_LENGTH} characters of a safe set. */
    private static final class BoundedKey extends KeyDeserializer {

        private final KeyDeserializer delegate;

        BoundedKey(KeyDeserializer delegate) {
            this.delegate = delegate;
        }

        @Override
        public Object deserializeKey(String key, DeserializationContext ctxt) throws IOException {
            String reason = InputLimits.checkName(key.strip());
            if (reason != null) {
                throw JsonMappingException.from(ctxt, "a key " + reason);
            }
            return delegate.deserializeKey(key, ctxt);
        }
    }
}
