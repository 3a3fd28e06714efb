package io.revops.sandbox.internal;

import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okio.Buffer;

/**
 * JSON between wire text and plain values: {@code LinkedHashMap} (member order kept), {@code ArrayList},
 * {@code String}, {@code BigDecimal} (numbers keep their digits), {@code Boolean} and {@code null}.
 */
public final class Json {
  private Json() {}

  /** Parses {@code text}; throws {@link IOException} when it is not one JSON value. */
  public static Object parse(String text) throws IOException {
    JsonReader reader = JsonReader.of(new Buffer().writeUtf8(text));
    Object value = read(reader);
    if (reader.peek() != JsonReader.Token.END_DOCUMENT) {
      throw new IOException("trailing content after the JSON value");
    }
    return value;
  }

  private static Object read(JsonReader reader) throws IOException {
    switch (reader.peek()) {
      case BEGIN_OBJECT -> {
        Map<String, Object> map = new LinkedHashMap<>();
        reader.beginObject();
        while (reader.hasNext()) {
          map.put(reader.nextName(), read(reader));
        }
        reader.endObject();
        return map;
      }
      case BEGIN_ARRAY -> {
        List<Object> list = new ArrayList<>();
        reader.beginArray();
        while (reader.hasNext()) {
          list.add(read(reader));
        }
        reader.endArray();
        return list;
      }
      case STRING -> {
        return reader.nextString();
      }
      case NUMBER -> {
        return new BigDecimal(reader.nextString());
      }
      case BOOLEAN -> {
        return reader.nextBoolean();
      }
      case NULL -> {
        return reader.nextNull();
      }
      default -> throw new IOException("unexpected JSON token " + reader.peek());
    }
  }

  /** Serializes plain values; any other object is written as its {@code toString()}. */
  public static String write(Object value) {
    Buffer buffer = new Buffer();
    try (JsonWriter writer = JsonWriter.of(buffer)) {
      writer.setSerializeNulls(true);
      write(writer, value);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a Buffer never fails
    }
    return buffer.readUtf8();
  }

  private static void write(JsonWriter writer, Object value) throws IOException {
    if (value == null) {
      writer.nullValue();
    } else if (value instanceof String s) {
      writer.value(s);
    } else if (value instanceof Boolean b) {
      writer.value(b.booleanValue());
    } else if (value instanceof BigDecimal d) {
      writer.value(new PlainNumber(d.toPlainString()));
    } else if (value instanceof Integer || value instanceof Long) {
      writer.value(((Number) value).longValue());
    } else if (value instanceof Number n) {
      writer.value(n);
    } else if (value instanceof Map<?, ?> map) {
      writer.beginObject();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        writer.name(String.valueOf(e.getKey()));
        write(writer, e.getValue());
      }
      writer.endObject();
    } else if (value instanceof Iterable<?> list) {
      writer.beginArray();
      for (Object item : list) {
        write(writer, item);
      }
      writer.endArray();
    } else {
      writer.value(value.toString());
    }
  }

  /** A number whose text is written as is, so no exponent ever appears. */
  private static final class PlainNumber extends Number {
    private static final long serialVersionUID = 1L;
    private final String text;

    PlainNumber(String text) {
      this.text = text;
    }

    @Override
    public int intValue() {
      return new BigDecimal(text).intValue();
    }

    @Override
    public long longValue() {
      return new BigDecimal(text).longValue();
    }

    @Override
    public float floatValue() {
      return new BigDecimal(text).floatValue();
    }

    @Override
    public double doubleValue() {
      return new BigDecimal(text).doubleValue();
    }

    @Override
    public String toString() {
      return text;
    }
  }
}
