package dev.oksign.flickr.internal;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import java.io.IOException;

/**
 * Reads one JSON value in each of the forms Flickr sends for it. Flickr writes the same field as a
 * number in one answer and as a string in the next ({@code "total":"1234"} next to {@code
 * "pages":3}), booleans as {@code 0}/{@code 1}, and text either bare or as {@code
 * {"_content":"..."}}. The leniency is here, per field, and nowhere else.
 */
public final class Lenient {
  private Lenient() {}

  /** An integer written as a number, a numeric string, or null/empty (then {@code orElse}). */
  public static long readLong(JsonReader reader, long orElse) throws IOException {
    switch (reader.peek()) {
      case NULL:
        reader.nextNull();
        return orElse;
      case NUMBER:
        {
          String literal = reader.nextString();
          return parseLong(reader, literal);
        }
      case STRING:
        {
          String s = reader.nextString().trim();
          if (s.isEmpty()) return orElse;
          return parseLong(reader, s);
        }
      case BOOLEAN:
        return reader.nextBoolean() ? 1 : 0;
      case BEGIN_OBJECT:
        {
          String content = readContent(reader);
          if (content == null || Api26.isBlank(content)) return orElse;
          return parseLong(reader, content.trim());
        }
      default:
        throw new JsonDataException(
            "Expected a number or a numeric string but was "
                + reader.peek()
                + " at path "
                + reader.getPath());
    }
  }

  /** An {@code int}: see {@link #readLong}. */
  public static int readInt(JsonReader reader, int orElse) throws IOException {
    String path = reader.getPath();
    long value = readLong(reader, orElse);
    if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
      throw new JsonDataException("Number " + value + " does not fit an int at path " + path);
    }
    return (int) value;
  }

  private static long parseLong(JsonReader reader, String literal) {
    try {
      return Long.parseLong(literal);
    } catch (NumberFormatException e) {
      try {
        double d = Double.parseDouble(literal);
        if (d == Math.rint(d) && !Double.isInfinite(d)) return (long) d;
      } catch (NumberFormatException ignored) {
        // reported below
      }
      throw new JsonDataException(
          "Expected an integer but was \"" + literal + "\" at path " + reader.getPath());
    }
  }

  /**
   * A boolean written as {@code 0}/{@code 1} (number or string), {@code true}/{@code false}, or
   * null (false).
   */
  public static boolean readBoolean(JsonReader reader) throws IOException {
    switch (reader.peek()) {
      case NULL:
        reader.nextNull();
        return false;
      case BOOLEAN:
        return reader.nextBoolean();
      case NUMBER:
      case STRING:
        {
          String s = reader.nextString().trim();
          switch (s) {
            case "1":
            case "true":
              return true;
            case "0":
            case "false":
            case "":
              return false;
            default:
              throw new JsonDataException(
                  "Expected 0 or 1 but was \"" + s + "\" at path " + reader.getPath());
          }
        }
      default:
        throw new JsonDataException(
            "Expected 0 or 1 but was " + reader.peek() + " at path " + reader.getPath());
    }
  }

  /**
   * Text written as a string, a number, a boolean, {@code {"_content":"..."}}, or null (then null).
   */
  public static String readString(JsonReader reader) throws IOException {
    switch (reader.peek()) {
      case NULL:
        return reader.nextNull();
      case STRING:
      case NUMBER:
        return reader.nextString();
      case BOOLEAN:
        return Boolean.toString(reader.nextBoolean());
      case BEGIN_OBJECT:
        return readContent(reader);
      default:
        throw new JsonDataException(
            "Expected a string but was " + reader.peek() + " at path " + reader.getPath());
    }
  }

  /** Reads {@code {"_content":"..."}} and returns the content, skipping every other member. */
  private static String readContent(JsonReader reader) throws IOException {
    String content = null;
    reader.beginObject();
    while (reader.hasNext()) {
      if (reader.nextName().equals(Wire.CONTENT)) {
        content = readString(reader);
      } else {
        reader.skipValue();
      }
    }
    reader.endObject();
    return content;
  }

  /**
   * A scalar or {@code _content} value as text, or null after skipping an array or other object.
   */
  public static String readScalarOrSkip(JsonReader reader) throws IOException {
    switch (reader.peek()) {
      case BEGIN_ARRAY:
        reader.skipValue();
        return null;
      case BEGIN_OBJECT:
        {
          // Only {"_content": ...} objects are text; anything else is skipped.
          JsonReader peek = reader.peekJson();
          boolean contentOnly = true;
          peek.beginObject();
          while (peek.hasNext()) {
            if (!peek.nextName().equals(Wire.CONTENT)) contentOnly = false;
            peek.skipValue();
          }
          if (contentOnly) return readContent(reader);
          reader.skipValue();
          return null;
        }
      default:
        return readString(reader);
    }
  }
}
