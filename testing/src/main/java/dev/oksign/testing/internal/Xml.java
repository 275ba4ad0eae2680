package dev.oksign.testing.internal;

import java.util.List;
import java.util.Map;

/**
 * Writes the fake's answers as Flickr's REST XML, from the same values {@link Json} writes: the
 * mapping Flickr itself uses between its two formats. In a map, a string, number or boolean is an
 * attribute, {@code _content} is the element's text, a map is a child element and a list is one
 * child element per item, named after the list; null is left out.
 */
public final class Xml {
  private static final String PROLOG = "<?xml version=\"1.0\" encoding=\"utf-8\" ?>\n";

  private Xml() {}

  /** {@code <rsp stat="ok">} around {@code content}'s entries, each an element. */
  public static String ok(Map<String, ?> content) {
    StringBuilder out = new StringBuilder(256).append(PROLOG).append("<rsp stat=\"ok\">\n");
    for (Map.Entry<String, ?> e : content.entrySet()) element(e.getKey(), e.getValue(), 0, out);
    return out.append("</rsp>\n").toString();
  }

  /** {@code <rsp stat="fail"><err code=".." msg=".."/></rsp>}, as Flickr writes it. */
  public static String fail(int code, String message) {
    return PROLOG
        + "<rsp stat=\"fail\">\n\t<err code=\""
        + code
        + "\" msg=\""
        + escape(message)
        + "\" />\n</rsp>\n";
  }

  private static void element(String name, Object value, int depth, StringBuilder out) {
    if (value == null) return;
    if (value instanceof List<?> list) {
      for (Object item : list) element(name, item, depth, out);
      return;
    }
    indent(depth, out);
    out.append('<').append(name);
    if (!(value instanceof Map<?, ?> map)) {
      out.append('>').append(escape(String.valueOf(value))).append("</").append(name);
      out.append(">\n");
      return;
    }
    boolean children = false;
    Object text = null;
    for (Map.Entry<?, ?> e : map.entrySet()) {
      Object v = e.getValue();
      String key = String.valueOf(e.getKey());
      if (key.equals("_content")) {
        text = v;
      } else if (v instanceof Map<?, ?> || v instanceof List<?>) {
        children = true;
      } else if (v != null) {
        out.append(' ').append(key).append("=\"").append(escape(String.valueOf(v))).append('"');
      }
    }
    if (!children && text == null) {
      out.append(" />\n");
      return;
    }
    out.append('>');
    if (text != null) out.append(escape(String.valueOf(text)));
    if (children) {
      out.append('\n');
      for (Map.Entry<?, ?> e : map.entrySet()) {
        Object v = e.getValue();
        if (v instanceof Map<?, ?> || v instanceof List<?>) {
          element(String.valueOf(e.getKey()), v, depth + 1, out);
        }
      }
      indent(depth, out);
    }
    out.append("</").append(name).append(">\n");
  }

  private static void indent(int depth, StringBuilder out) {
    for (int i = 0; i < depth; i++) out.append('\t');
  }

  /** Escapes text for an attribute or element: {@code & < > "}. */
  public static String escape(String s) {
    StringBuilder out = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      String r =
          switch (c) {
            case '&' -> "&amp;";
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            case '"' -> "&quot;";
            default -> null;
          };
      if (r == null && c < 0x20 && c != '\n' && c != '\t' && c != '\r') r = ""; // not XML 1.0
      if (r == null) {
        if (out != null) out.append(c);
      } else {
        if (out == null) out = new StringBuilder(s.length() + 16).append(s, 0, i);
        out.append(r);
      }
    }
    return out == null ? s : out.toString();
  }
}
