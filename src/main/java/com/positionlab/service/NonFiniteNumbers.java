package com.positionlab.service;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

/**
 * The contract's one encoding of numbers that are not finite: JSON has no infinity and no NaN, so every
 * command and endpoint writes such a number as {@code null}, in every field and array, and says what it means
 * beside it where that matters (a reason, or the same figure in log terms, which stays finite when wealth
 * overflows a double). Reading what the application wrote itself, a {@code null} for a primitive number is
 * NaN again ({@link #reading()}).
 */
final class NonFiniteNumbers {

    private NonFiniteNumbers() {
    }

    /** Writes a non-finite {@code double}, {@code Double} or {@code double[]} element as null. */
    static SimpleModule writing() {
        SimpleModule m = new SimpleModule("non-finite-as-null");
        m.addSerializer(Double.class, new DoubleAsNull());
        m.addSerializer(Double.TYPE, new DoubleAsNull());
        m.addSerializer(double[].class, new DoublesAsNull());
        return m;
    }

    /** Reads {@code null} into a primitive {@code double} as NaN (the application's own documents only). */
    static SimpleModule reading() {
        SimpleModule m = new SimpleModule("null-as-nan");
        m.addDeserializer(Double.TYPE, new NullAsNaN());
        return m;
    }

    private static void write(double v, JsonGenerator gen) throws IOException {
        if (Double.isFinite(v)) {
            gen.writeNumber(v);
        } else {
            gen.writeNull();
        }
    }

    private static final class DoubleAsNull extends StdSerializer<Double> {
        DoubleAsNull() {
            super(Double.class);
        }

        @Override
        public void serialize(Double v, JsonGenerator gen, SerializerProvider provider) throws IOException {
            write(v, gen);
        }
    }

    private static final class DoublesAsNull extends StdSerializer<double[]> {
        DoublesAsNull() {
            super(double[].class);
        }

        @Override
        public void serialize(double[] values, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeStartArray(values, values.length);
            for (double v : values) {
                write(v, gen);
            }
            gen.writeEndArray();
        }
    }

    private static final class NullAsNaN extends StdDeserializer<Double> {
        NullAsNaN() {
            super(Double.TYPE);
        }

        @Override
        public Double deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            return p.currentToken() == JsonToken.VALUE_NULL ? Double.NaN : p.getValueAsDouble();
        }

        @Override
        public Double getNullValue(DeserializationContext ctxt) {
            return Double.NaN;
        }
    }
}
