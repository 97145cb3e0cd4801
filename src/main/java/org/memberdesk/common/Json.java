package org.memberdesk.common;

import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON in and out, with keys kept in the order they were put (the command line's output is read by
 * people too). Maps, lists, strings, numbers, booleans and nulls — all the command line prints — are
 * written with Jackson's streaming generator: starting the full object mapper loads some 500 classes,
 * a fifth of a second the command line's quick answers cannot spare. Anything else goes to the mapper.
 */
public final class Json {
    /** Immutable once built and safe to share between threads. */
    private static final JsonFactory FACTORY = new JsonFactory();

    private Json() {
    }

    /** The mapper, built on first use only. */
    private static final class Mapper {
        static final JsonMapper INSTANCE = JsonMapper.builder().build();
    }

    public static String write(Object value) {
        StringWriter out = new StringWriter();
        try (JsonGenerator generator = FACTORY.createGenerator(out)) {
            write(generator, value);
        } catch (JacksonException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getOriginalMessage(), e);
        }
        return out.toString();
    }

    private static void write(JsonGenerator generator, Object value) {
        if (value == null) {
            generator.writeNull();
        } else if (value instanceof Map<?, ?> map) {
            generator.writeStartObject();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                generator.writeName(String.valueOf(entry.getKey()));
                write(generator, entry.getValue());
            }
            generator.writeEndObject();
        } else if (value instanceof Iterable<?> items) {
            generator.writeStartArray();
            for (Object item : items) {
                write(generator, item);
            }
            generator.writeEndArray();
        } else if (value instanceof Object[] items) {
            write(generator, java.util.Arrays.asList(items));
        } else if (value instanceof long[] items) {
            generator.writeStartArray();
            for (long item : items) {
                generator.writeNumber(item);
            }
            generator.writeEndArray();
        } else if (value instanceof int[] items) {
            generator.writeStartArray();
            for (int item : items) {
                generator.writeNumber(item);
            }
            generator.writeEndArray();
        } else if (value instanceof CharSequence || value instanceof Enum<?> || value instanceof Character) {
            generator.writeString(value.toString());
        } else if (value instanceof Boolean flag) {
            generator.writeBoolean(flag);
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short
                || value instanceof Byte) {
            generator.writeNumber(((Number) value).longValue());
        } else if (value instanceof Double number) {
            generator.writeNumber(number);
        } else if (value instanceof Float number) {
            generator.writeNumber(number);
        } else if (value instanceof java.math.BigDecimal number) {
            generator.writeNumber(number);
        } else if (value instanceof java.math.BigInteger number) {
            generator.writeNumber(number);
        } else {
            generator.writeRawValue(Mapper.INSTANCE.writeValueAsString(value));
        }
    }

    public static Map<String, String> readStringMap(String json) {
        if (json == null || json.isBlank()) {
            return new LinkedHashMap<>();
        }
        try {
            return Mapper.INSTANCE.readValue(json, new TypeReference<LinkedHashMap<String, String>>() { });
        } catch (JacksonException e) {
            throw new IllegalArgumentException("not a JSON object of strings: " + e.getOriginalMessage(), e);
        }
    }

    public static java.util.List<String> readStringList(String json) {
        try {
            return Mapper.INSTANCE.readValue(json, new TypeReference<java.util.List<String>>() { });
        } catch (JacksonException e) {
            throw new IllegalArgumentException("not a JSON array of strings: " + e.getOriginalMessage(), e);
        }
    }

    public static Map<String, Object> readObject(String json) {
        try {
            return Mapper.INSTANCE.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (JacksonException e) {
            throw new IllegalArgumentException("not a JSON object: " + e.getOriginalMessage(), e);
        }
    }
}
