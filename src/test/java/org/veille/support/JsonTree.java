package org.veille.support;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** A parsed JSON value, read with jackson-core: enough to look into the CLI's JSON output. */
public final class JsonTree {
  private final Object value;

  private JsonTree(Object value) {
    this.value = value;
  }

  public static JsonTree parse(String json) {
    try (JsonParser p = new JsonFactory().createParser(json)) {
      p.nextToken();
      return new JsonTree(read(p));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Object read(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    switch (t) {
      case START_OBJECT -> {
        Map<String, Object> m = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          p.nextToken();
          m.put(name, read(p));
        }
        return m;
      }
      case START_ARRAY -> {
        List<Object> l = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          l.add(read(p));
        }
        return l;
      }
      case VALUE_STRING -> {
        return p.getText();
      }
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
        return p.getNumberValue();
      }
      case VALUE_TRUE -> {
        return true;
      }
      case VALUE_FALSE -> {
        return false;
      }
      default -> {
        return null;
      }
    }
  }

  /** The field {@code name} of an object (a null value when absent). */
  public JsonTree get(String name) {
    return new JsonTree(value instanceof Map<?, ?> m ? m.get(name) : null);
  }

  public boolean isNull() {
    return value == null;
  }

  public String asText() {
    return value == null ? "null" : value.toString();
  }

  public int asInt() {
    return ((Number) value).intValue();
  }

  public int size() {
    return value instanceof List<?> l ? l.size() : value instanceof Map<?, ?> m ? m.size() : 0;
  }

  public void forEach(Consumer<JsonTree> sink) {
    if (value instanceof List<?> l) {
      l.forEach(v -> sink.accept(new JsonTree(v)));
    }
  }

  @Override
  public String toString() {
    return String.valueOf(value);
  }
}
