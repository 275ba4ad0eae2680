package dev.oksign.testing;

import dev.oksign.testing.internal.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Stubs read from a directory: {@code METHOD.json} (Flickr's JSON answer, served in both formats)
 * and {@code METHOD.xml} (Flickr's XML answer, served as is to {@code format=rest}).
 */
final class CannedAnswers {
  private static final String XML = "text/xml; charset=utf-8";

  private CannedAnswers() {}

  /** Reads {@code dir}'s canned answers, by method name. */
  static Map<String, Canned> read(Path dir) throws IOException {
    Map<String, Map<String, ?>> json = new TreeMap<>();
    Map<String, String> xml = new TreeMap<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
      for (Path file : files) {
        String name = file.getFileName().toString();
        if (name.endsWith(".json")) {
          String method = name.substring(0, name.length() - 5);
          Object value;
          try {
            value = Json.parse(Files.readString(file, StandardCharsets.UTF_8));
          } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
          }
          if (!(value instanceof Map<?, ?> map)) throw new IOException(file + ": not an object");
          @SuppressWarnings("unchecked")
          Map<String, ?> content = (Map<String, ?>) map;
          json.put(method, content);
        } else if (name.endsWith(".xml")) {
          xml.put(
              name.substring(0, name.length() - 4), Files.readString(file, StandardCharsets.UTF_8));
        }
      }
    }
    Map<String, Canned> out = new LinkedHashMap<>();
    List<String> methods = new ArrayList<>(json.keySet());
    for (String m : xml.keySet()) if (!methods.contains(m)) methods.add(m);
    for (String method : methods) out.put(method, new Canned(json.get(method), xml.get(method)));
    return out;
  }

  /** One method's canned answers. */
  static final class Canned implements FakeFlickr.Stub {
    private final Map<String, ?> json;
    private final String xml;

    Canned(Map<String, ?> json, String xml) {
      this.json = json;
      this.xml = xml;
    }

    @Override
    public Map<String, ?> answer(FakeFlickr.StubCall call) {
      throw new UnsupportedOperationException("answered by the dispatcher");
    }

    /** A map of the JSON shape, an {@link Answer} (the raw XML), or a failure. */
    Object answer(Map<String, String> params) {
      String format = params.get("format");
      boolean rest = format == null || format.isEmpty() || format.equals("rest");
      if (rest && xml != null) return Answer.of(200, XML, xml);
      if (json == null) {
        throw new FakeFlickr.StubFailure(
            112, "Method \"" + params.get("method") + "\" has a canned answer in XML only");
      }
      Object stat = json.get("stat");
      if ("fail".equals(stat)) {
        Object code = json.get("code");
        throw new FakeFlickr.StubFailure(
            code instanceof Number n ? n.intValue() : Integer.parseInt(String.valueOf(code)),
            String.valueOf(json.get("message")));
      }
      Map<String, Object> content = new LinkedHashMap<>(json);
      content.remove("stat");
      return content;
    }
  }
}
