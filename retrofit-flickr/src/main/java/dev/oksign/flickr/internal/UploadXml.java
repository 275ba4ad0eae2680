package dev.oksign.flickr.internal;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

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
 *       parameter entities, no external DTD, secure processing, no XInclude and no entity
 *       expansion, each set on its own so that a parser lacking one still gets the others; and an
 *       entity resolver refuses whatever is left.
 * </ol>
 *
 * <p>Only {@code javax.xml.parsers} and {@code org.w3c.dom}, which Android has.
 */
public final class UploadXml {
  private UploadXml() {}

  /** The largest answer read; Flickr's are under 200 bytes. */
  public static final int MAX_BYTES = 64 * 1024;

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
    Document document;
    try {
      DocumentBuilder builder = documentBuilder();
      document = builder.parse(new InputSource(new StringReader(text)));
    } catch (SAXException | IOException e) {
      throw new NotFlickrXml("the answer is not well-formed XML: " + e.getMessage(), e);
    }
    Element rsp = document.getDocumentElement();
    if (rsp == null || !UploadWire.RSP.equals(rsp.getTagName())) {
      throw new NotFlickrXml(
          "the answer is XML but not <rsp>"
              + (rsp == null ? "" : ": it is <" + rsp.getTagName() + ">"),
          null);
    }
    String stat = rsp.getAttribute(UploadWire.STAT);
    if (UploadWire.STAT_FAIL.equals(stat)) {
      Element err = child(rsp, UploadWire.ERR);
      if (err == null) return new Answer(false, noCode, null, null, null, null, null);
      int code = noCode;
      try {
        code = Integer.parseInt(err.getAttribute(UploadWire.CODE).trim());
      } catch (NumberFormatException e) {
        // Leave noCode: the message still says what happened.
      }
      return new Answer(false, code, err.getAttribute(UploadWire.MSG), null, null, null, null);
    }
    if (!UploadWire.STAT_OK.equals(stat)) {
      throw new NotFlickrXml("<rsp> has stat=\"" + stat + "\", neither ok nor fail", null);
    }
    Element photoId = child(rsp, UploadWire.PHOTOID);
    Element ticketId = child(rsp, UploadWire.TICKETID);
    String photo = photoId == null ? null : emptyToNull(photoId.getTextContent().trim());
    String ticket = ticketId == null ? null : emptyToNull(ticketId.getTextContent().trim());
    if (photo == null && ticket == null) {
      throw new NotFlickrXml("<rsp stat=\"ok\"> has neither a <photoid> nor a <ticketid>", null);
    }
    return new Answer(
        true,
        noCode,
        null,
        photo,
        ticket,
        photoId == null ? null : emptyToNull(photoId.getAttribute(UploadWire.SECRET)),
        photoId == null ? null : emptyToNull(photoId.getAttribute(UploadWire.ORIGINAL_SECRET)));
  }

  /**
   * Returns a parser with every hardening feature this platform's parser accepts. Each feature is
   * set on its own: one the parser lacks is skipped, not fatal.
   */
  static DocumentBuilder documentBuilder() throws SAXException {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(false);
    factory.setValidating(false);
    feature(factory, "http://apache.org/xml/features/disallow-doctype-decl", true);
    feature(factory, "http://xml.org/sax/features/external-general-entities", false);
    feature(factory, "http://xml.org/sax/features/external-parameter-entities", false);
    feature(factory, "http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    feature(factory, XMLConstants.FEATURE_SECURE_PROCESSING, true);
    attribute(factory, XMLConstants.ACCESS_EXTERNAL_DTD, "");
    attribute(factory, XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    try {
      factory.setXIncludeAware(false);
    } catch (UnsupportedOperationException e) {
      // Older parsers have no XInclude at all.
    }
    factory.setExpandEntityReferences(false);
    DocumentBuilder builder;
    try {
      builder = factory.newDocumentBuilder();
    } catch (ParserConfigurationException e) {
      throw new SAXException("no XML parser available", e);
    }
    builder.setEntityResolver(
        (publicId, systemId) -> {
          throw new SAXException("external entity refused: " + systemId);
        });
    builder.setErrorHandler(
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
    return builder;
  }

  private static void feature(DocumentBuilderFactory factory, String name, boolean value) {
    try {
      factory.setFeature(name, value);
    } catch (ParserConfigurationException | RuntimeException e) {
      // Not supported by this parser (Android's, say): the other defences still hold.
    }
  }

  private static void attribute(DocumentBuilderFactory factory, String name, String value) {
    try {
      factory.setAttribute(name, value);
    } catch (RuntimeException e) {
      // Not supported by this parser: the other defences still hold.
    }
  }

  private static Element child(Element parent, String name) {
    NodeList children = parent.getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      Node node = children.item(i);
      if (node instanceof Element element && name.equals(element.getTagName())) return element;
    }
    return null;
  }

  private static String emptyToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }
}
