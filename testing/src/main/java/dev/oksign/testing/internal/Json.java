package dev.oksign.testing.internal;

import java.util.List;
import java.util.Map;

/**
 * A minimal JSON writer for the fake's responses. Values are written as given: a {@link String}
 * becomes a JSON string and a {@link Number} a JSON number, so Flickr's habit of sending the same
 * field as {@code "1234"} in one method and {@code 1234} in another is reproduced exactly.
 */
public final class Json {
  private Json() {}

  /** Returns {@code value} (maps, lists, strings, numbers, booleans, null) as JSON. */
  public static String write(Object value) {
    StringBuilder out = new StringBuilder(256);
    write(value, out);
    return out.toString();
  }

  private static void write(Object value, StringBuilder out) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof String s) {
      string(s, out);
    } else if (value instanceof Number || value instanceof Boolean) {
      out.append(value);
    } else if (value instanceof Map<?, ?> map) {
      out.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (!first) out.append(',');
        first = false;
        string(String.valueOf(e.getKey()), out);
        out.append(':');
        write(e.getValue(), out);
      }
      out.append('}');
    } else if (value instanceof List<?> list) {
      out.append('[');
      for (int i = 0; i < list.size(); i++) {
        if (i > 0) out.append(',');
        write(list.get(i), out);
      }
      out.append(']');
    } else {
      throw new IllegalArgumentException("not a JSON value: " + value.getClass());
    }
  }

  private static void string(String s, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '/' -> out.append("\\/"); // Flickr escapes slashes, as PHP's json_encode does.
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  /**
   * Parses JSON text into maps (in order), lists, strings, numbers ({@link Long} or {@link
   * Double}), booleans and null.
   *
   * @throws IllegalArgumentException if {@code text} is not one JSON value
   */
  public static Object parse(String text) {
    Parser parser = new Parser(text);
    Object value = parser.value();
    parser.skipSpace();
    if (parser.i != text.length()) throw parser.error("text after the value");
    return value;
  }

  private static final class Parser {
    final String s;
    int i;

    Parser(String s) {
      this.s = s;
    }

    IllegalArgumentException error(String what) {
      return new IllegalArgumentException("JSON: " + what + " at offset " + i);
    }

    void skipSpace() {
      while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
    }

    Object value() {
      skipSpace();
      if (i >= s.length()) throw error("end of text");
      char c = s.charAt(i);
      switch (c) {
        case '{' -> {
          i++;
          Map<String, Object> map = new java.util.LinkedHashMap<>();
          skipSpace();
          if (i < s.length() && s.charAt(i) == '}') {
            i++;
            return map;
          }
          while (true) {
            skipSpace();
            if (i >= s.length() || s.charAt(i) != '"') throw error("a name expected");
            String name = string();
            skipSpace();
            expect(':');
            map.put(name, value());
            skipSpace();
            if (i < s.length() && s.charAt(i) == ',') {
              i++;
            } else {
              expect('}');
              return map;
            }
          }
        }
        case '[' -> {
          i++;
          List<Object> list = new java.util.ArrayList<>();
          skipSpace();
          if (i < s.length() && s.charAt(i) == ']') {
            i++;
            return list;
          }
          while (true) {
            list.add(value());
            skipSpace();
            if (i < s.length() && s.charAt(i) == ',') {
              i++;
            } else {
              expect(']');
              return list;
            }
          }
        }
        case '"' -> {
          return string();
        }
        default -> {
          if (s.startsWith("true", i)) {
            i += 4;
            return Boolean.TRUE;
          }
          if (s.startsWith("false", i)) {
            i += 5;
            return Boolean.FALSE;
          }
          if (s.startsWith("null", i)) {
            i += 4;
            return null;
          }
          int start = i;
          while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) i++;
          String number = s.substring(start, i);
          if (number.isEmpty()) throw error("unexpected '" + c + "'");
          try {
            if (number.matches("-?\\d+")) return Long.parseLong(number);
            return Double.parseDouble(number);
          } catch (NumberFormatException e) {
            throw error("bad number " + number);
          }
        }
      }
    }

    void expect(char c) {
      if (i >= s.length() || s.charAt(i) != c) throw error("'" + c + "' expected");
      i++;
    }

    String string() {
      expect('"');
      StringBuilder out = new StringBuilder();
      while (true) {
        if (i >= s.length()) throw error("unterminated string");
        char c = s.charAt(i++);
        if (c == '"') return out.toString();
        if (c != '\\') {
          out.append(c);
          continue;
        }
        if (i >= s.length()) throw error("unterminated escape");
        char e = s.charAt(i++);
        switch (e) {
          case 'n' -> out.append('\n');
          case 'r' -> out.append('\r');
          case 't' -> out.append('\t');
          case 'b' -> out.append('\b');
          case 'f' -> out.append('\f');
          case 'u' -> {
            if (i + 4 > s.length()) throw error("bad \\u escape");
            out.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
            i += 4;
          }
          default -> out.append(e);
        }
      }
    }
  }
}
