package dev.oksign.flickr;

import com.squareup.moshi.JsonReader;
import dev.oksign.flickr.internal.Lenient;
import dev.oksign.flickr.internal.Wire;
import java.io.EOFException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import okio.Buffer;
import okio.BufferedSource;
import okio.ByteString;

/**
 * The top level of a Flickr JSON answer: {@code {"photos":{...},"stat":"ok"}} or {@code
 * {"stat":"fail","code":N,"message":"..."}}.
 */
final class Envelope {
  /** The value of {@code stat}, or null if absent. */
  String stat;

  int code = FlickrException.NO_CODE;
  String message;

  /** The members other than stat, code and message. */
  final List<String> members = new ArrayList<>();

  boolean failed() {
    return Wire.STAT_FAIL.equals(stat);
  }

  /** Reads the value of a member other than stat, code and message. */
  interface MemberReader {
    /** Reads (consumes) the value of the {@code index}th such member, named {@code name}. */
    void read(int index, String name, JsonReader reader) throws IOException;
  }

  /** Scans {@code reader}, positioned before the top-level object; consumes it. */
  static Envelope scan(JsonReader reader) throws IOException {
    return scan(reader, (index, name, r) -> r.skipValue());
  }

  /**
   * Scans {@code reader}, positioned before the top-level object, handing each member other than
   * stat, code and message to {@code members}; consumes the object.
   */
  static Envelope scan(JsonReader reader, MemberReader members) throws IOException {
    Envelope envelope = new Envelope();
    reader.beginObject();
    while (reader.hasNext()) {
      String name = reader.nextName();
      switch (name) {
        case Wire.STAT -> envelope.stat = Lenient.readString(reader);
        case Wire.CODE -> envelope.code = Lenient.readInt(reader, FlickrException.NO_CODE);
        case Wire.MESSAGE -> envelope.message = Lenient.readString(reader);
        default -> {
          members.read(envelope.members.size(), name, reader);
          envelope.members.add(name);
        }
      }
    }
    reader.endObject();
    return envelope;
  }

  /**
   * Scans the start of a body, which may be cut short: returns the envelope if it is a complete
   * {@code stat=fail} answer, else null. Error answers are small, so a prefix holds them whole.
   * Never consumes {@code prefix}.
   */
  static Envelope failureIn(BufferedSource prefix) {
    try {
      BufferedSource peek = prefix.peek();
      skipByteOrderMark(peek);
      JsonReader reader = JsonReader.of(peek);
      Envelope envelope = scan(reader);
      return envelope.failed() ? envelope : null;
    } catch (EOFException e) {
      return null; // cut short: a large answer, which is not an error answer
    } catch (IOException | RuntimeException e) {
      return null; // not JSON: reported by whoever reads the whole body
    }
  }

  /** True if the first byte that is not white space opens a JSON object. */
  static boolean startsWithObject(BufferedSource source) throws IOException {
    BufferedSource peek = source.peek();
    skipByteOrderMark(peek);
    while (peek.request(1)) {
      byte b = peek.readByte();
      if (b == ' ' || b == '\n' || b == '\r' || b == '\t') continue;
      return b == '{';
    }
    return false;
  }

  private static final ByteString BYTE_ORDER_MARK = ByteString.decodeHex("efbbbf");

  /** Skips a UTF-8 byte order mark at the start of {@code source}, which Moshi does not read. */
  static void skipByteOrderMark(BufferedSource source) throws IOException {
    if (source.rangeEquals(0, BYTE_ORDER_MARK)) source.skip(BYTE_ORDER_MARK.size());
  }

  /** The first {@code max} characters of {@code source}, on one line; never consumes. */
  static String snippet(BufferedSource source, int max) throws IOException {
    BufferedSource peek = source.peek();
    peek.request(max * 4L);
    Buffer buffer = new Buffer();
    long n = Math.min(peek.getBuffer().size(), max * 4L);
    peek.read(buffer, n);
    String text = buffer.readUtf8().replaceAll("\\s+", " ").trim();
    return text.length() > max ? text.substring(0, max) + "…" : text;
  }
}
