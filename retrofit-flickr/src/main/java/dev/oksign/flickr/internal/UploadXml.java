package dev.oksign.flickr.internal;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.Attributes;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads the XML answer of Flickr's upload API: {@code <rsp stat="ok"><photoid>N</photoid></rsp>},
 * {@code <rsp stat="ok"><ticketid>N</ticketid></rsp>} or {@code <rsp stat="fail"><err code="N"
 * msg="..."/></rsp>}.
 *
 * <p>The answer comes from the network, so the parser is hardened against external entities (XXE)
 * in three independent ways, so that losing one (a parser that lacks a feature, as Android's does)
 * loses nothing:
 *
 * <ol>
 *   <li>the bytes are decoded as UTF-8 here and handed over as characters, so an {@code encoding}
 *       declaration (UTF-7, EBCDIC) cannot hide markup from step 2;
 *   <li>a document with a {@code <!DOCTYPE} or {@code <!ENTITY} anywhere is refused before parsing:
 *       Flickr never sends one;
 *   <li>the JDK parser is configured with {@code disallow-doctype-decl}, no external general or
 *       parameter entities, no external DTD, secure processing, and no XInclude, each set on its
 *       own so that a parser lacking one still gets the others; and an entity resolver refuses
 *       whatever is left.
 * </ol>
 *
 * <p>The answer is read as a stream of SAX events, never built into a tree nor walked recursively,
 * and an element nested deeper than {@link #MAX_DEPTH} levels stops the parse at once: Flickr's
 * answers are two levels deep, and a deep tree (8,500 levels fit in the 64 KB cap) would otherwise
 * overflow the stack of the thread reading it, small worker threads first.
 *
 * <p>Only {@code javax.xml.parsers} and {@code org.xml.sax}, which Android has.
 */
public final class UploadXml {
  private UploadXml() {}

  /** The largest answer read; Flickr's are under 200 bytes. */
  public static final int MAX_BYTES = 64 * 1024;

  /**
   * The deepest nesting of elements read; Flickr's answers have two levels ({@code <rsp>}, one
   * child).
   */
  public static final int MAX_DEPTH = 8;

  /** An answer that is not Flickr's upload XML; the message says what is wrong. */
  public static final class NotFlickrXml extends Exception {
    private static final long serialVersionUID = 1L;

    NotFlickrXml(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** What the answer said. Exactly one of: a failure (code, msg), a photo id, or a ticket id. */
  public static final class Answer {
    public final boolean ok;
    public final int code;
    public final String msg;
    public final String photoId;
    public final String ticketId;
    public final String secret;
    public final String originalSecret;

    Answer(
        boolean ok,
        int code,
        String msg,
        String photoId,
        String ticketId,
        String secret,
        String originalSecret) {
      this.ok = ok;
      this.code = code;
      this.msg = msg;
      this.photoId = photoId;
      this.ticketId = ticketId;
      this.secret = secret;
      this.originalSecret = originalSecret;
    }
  }

  /**
   * Parses {@code body}.
   *
   * @param noCode the code to report for a failure without a readable code
   * @throws NotFlickrXml if it is not Flickr's upload answer, or declares a DOCTYPE or entity
   */
  public static Answer parse(byte[] body, int noCode) throws NotFlickrXml {
    String text = new String(body, StandardCharsets.UTF_8);
    String upper = text.toUpperCase(Locale.ROOT);
    if (upper.contains("<!DOCTYPE") || upper.contains("<!ENTITY")) {
      throw new NotFlickrXml(
          "the answer declares a DOCTYPE or an entity, which Flickr never sends: refused unread",
          null);
    }
    Reading reading = new Reading();
    try {
      reader(reading).parse(new InputSource(new StringReader(text)));
    } catch (TooDeep e) {
      throw new NotFlickrXml(e.getMessage(), null);
    } catch (SAXException | IOException e) {
      throw new NotFlickrXml("the answer is not well-formed XML: " + e.getMessage(), e);
    }
    if (!UploadWire.RSP.equals(reading.root)) {
      throw new NotFlickrXml(
          "the answer is XML but not <rsp>"
              + (reading.root == null ? "" : ": it is <" + reading.root + ">"),
          null);
    }
    String stat = reading.stat;
    if (UploadWire.STAT_FAIL.equals(stat)) {
      if (!reading.sawErr) return new Answer(false, noCode, null, null, null, null, null);
      int code = noCode;
      try {
        code = Integer.parseInt(reading.errCode.trim());
      } catch (NumberFormatException e) {
        // Leave noCode: the message still says what happened.
      }
      return new Answer(false, code, reading.errMsg, null, null, null, null);
    }
    if (!UploadWire.STAT_OK.equals(stat)) {
      throw new NotFlickrXml("<rsp> has stat=\"" + stat + "\", neither ok nor fail", null);
    }
    String photo = reading.photoId == null ? null : emptyToNull(reading.photoId.toString().trim());
    String ticket =
        reading.ticketId == null ? null : emptyToNull(reading.ticketId.toString().trim());
    if (photo == null && ticket == null) {
      throw new NotFlickrXml("<rsp stat=\"ok\"> has neither a <photoid> nor a <ticketid>", null);
    }
    return new Answer(
        true,
        noCode,
        null,
        photo,
        ticket,
        emptyToNull(reading.secret),
        emptyToNull(reading.originalSecret));
  }

  /** An element nested deeper than {@link #MAX_DEPTH}: the parse stops there. */
  private static final class TooDeep extends SAXException {
    private static final long serialVersionUID = 1L;

    TooDeep() {
      super(
          "the answer has elements nested deeper than "
              + MAX_DEPTH
              + " levels, which Flickr never sends: refused");
    }
  }

  /**
   * Collects, event by event, what {@link #parse} reads: the root's name and {@code stat}, and the
   * first {@code <err>}, {@code <photoid>} and {@code <ticketid>} among its children with their
   * attributes and text (the text of their descendants too, as DOM's {@code getTextContent}).
   */
  private static final class Reading extends DefaultHandler {
    private int depth;

    /** The child of the root whose text is being collected, or null. */
    private StringBuilder collecting;

    String root;
    String stat;
    boolean sawErr;
    String errCode = "";
    String errMsg;
    StringBuilder photoId;
    StringBuilder ticketId;
    String secret;
    String originalSecret;

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes)
        throws SAXException {
      depth++;
      if (depth > MAX_DEPTH) throw new TooDeep();
      if (depth == 1) {
        root = qName;
        stat = value(attributes, UploadWire.STAT);
      } else if (depth == 2 && UploadWire.RSP.equals(root)) {
        if (UploadWire.ERR.equals(qName) && !sawErr) {
          sawErr = true;
          errCode = value(attributes, UploadWire.CODE);
          errMsg = value(attributes, UploadWire.MSG);
        } else if (UploadWire.PHOTOID.equals(qName) && photoId == null) {
          photoId = collecting = new StringBuilder();
          secret = value(attributes, UploadWire.SECRET);
          originalSecret = value(attributes, UploadWire.ORIGINAL_SECRET);
        } else if (UploadWire.TICKETID.equals(qName) && ticketId == null) {
          ticketId = collecting = new StringBuilder();
        }
      }
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
      if (depth == 2) collecting = null;
      depth--;
    }

    @Override
    public void characters(char[] ch, int start, int length) {
      if (collecting != null) collecting.append(ch, start, length);
    }

    /** The attribute's value, or "" when absent, as DOM's {@code getAttribute}. */
    private static String value(Attributes attributes, String name) {
      String value = attributes.getValue(name);
      return value == null ? "" : value;
    }
  }

  /**
   * Returns a reader, reporting to {@code handler}, with every hardening feature this platform's
   * parser accepts. Each feature is set on its own: one the parser lacks is skipped, not fatal. An
   * entity resolver and error handler that refuse are set whatever {@code handler} does.
   */
  static XMLReader reader(DefaultHandler handler) throws SAXException {
    SAXParserFactory factory = SAXParserFactory.newInstance();
    factory.setNamespaceAware(false);
    factory.setValidating(false);
    feature(factory, "http://apache.org/xml/features/disallow-doctype-decl", true);
    feature(factory, "http://xml.org/sax/features/external-general-entities", false);
    feature(factory, "http://xml.org/sax/features/external-parameter-entities", false);
    feature(factory, "http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    feature(factory, XMLConstants.FEATURE_SECURE_PROCESSING, true);
    try {
      factory.setXIncludeAware(false);
    } catch (UnsupportedOperationException e) {
      // Older parsers have no XInclude at all.
    }
    SAXParser parser;
    try {
      parser = factory.newSAXParser();
    } catch (ParserConfigurationException e) {
      throw new SAXException("no XML parser available", e);
    }
    property(parser, XMLConstants.ACCESS_EXTERNAL_DTD, "");
    property(parser, XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    XMLReader reader = parser.getXMLReader();
    reader.setContentHandler(handler);
    reader.setEntityResolver(
        (publicId, systemId) -> {
          throw new SAXException("external entity refused: " + systemId);
        });
    reader.setErrorHandler(
        new ErrorHandler() {
          @Override
          public void warning(SAXParseException e) {}

          @Override
          public void error(SAXParseException e) throws SAXException {
            throw e;
          }

          @Override
          public void fatalError(SAXParseException e) throws SAXException {
            throw e;
          }
        });
    return reader;
  }

  private static void feature(SAXParserFactory factory, String name, boolean value) {
    try {
      factory.setFeature(name, value);
    } catch (ParserConfigurationException | SAXException | RuntimeException e) {
      // Not supported by this parser (Android's, say): the other defences still hold.
    }
  }

  private static void property(SAXParser parser, String name, String value) {
    try {
      parser.setProperty(name, value);
    } catch (SAXException | RuntimeException e) {
      // Not supported by this parser: the other defences still hold.
    }
  }

  private static String emptyToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }
}
