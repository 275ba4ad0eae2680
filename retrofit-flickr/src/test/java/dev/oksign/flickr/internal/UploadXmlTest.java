package dev.oksign.flickr.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/** Flickr's upload answers, and the parser's defences, each tested on its own. */
class UploadXmlTest {
  @StartStop MockWebServer entityServer = new MockWebServer();

  private static UploadXml.Answer parse(String xml) throws UploadXml.NotFlickrXml {
    return UploadXml.parse(xml.getBytes(UTF_8), -1);
  }

  @Test
  void readsPhotoIdTicketIdAndFailure() throws Exception {
    UploadXml.Answer photo =
        parse(
            "<?xml version=\"1.0\" encoding=\"utf-8\" ?>\n"
                + "<rsp stat=\"ok\">\n<photoid>52912345678</photoid>\n</rsp>\n");
    assertThat(photo.ok).isTrue();
    assertThat(photo.photoId).isEqualTo("52912345678");
    assertThat(photo.ticketId).isNull();

    UploadXml.Answer ticket = parse("<rsp stat=\"ok\"><ticketid> 1234 </ticketid></rsp>");
    assertThat(ticket.ticketId).isEqualTo("1234");
    assertThat(ticket.photoId).isNull();

    UploadXml.Answer fail =
        parse("<rsp stat=\"fail\">\n\t<err code=\"4\" msg=\"Filesize was zero\" />\n</rsp>");
    assertThat(fail.ok).isFalse();
    assertThat(fail.code).isEqualTo(4);
    assertThat(fail.msg).isEqualTo("Filesize was zero");

    UploadXml.Answer odd = parse("<rsp stat=\"fail\"><err code=\"x\" msg=\"m\"/></rsp>");
    assertThat(odd.code).isEqualTo(-1);
  }

  @Test
  void refusesWhatIsNotTheUploadAnswer() {
    assertThatThrownBy(() -> parse("<html><body>down</body></html>"))
        .hasMessage("the answer is XML but not <rsp>: it is <html>");
    assertThatThrownBy(() -> parse("<rsp stat=\"maybe\"/>"))
        .hasMessage("<rsp> has stat=\"maybe\", neither ok nor fail");
    assertThatThrownBy(() -> parse("<rsp stat=\"ok\"><photoid/></rsp>"))
        .hasMessage("<rsp stat=\"ok\"> has neither a <photoid> nor a <ticketid>");
    assertThatThrownBy(() -> parse("<rsp stat=\"ok\"><photoid>1</photo"))
        .hasMessageStartingWith("the answer is not well-formed XML");
  }

  @Test
  void refusesDoctypeAndEntitiesBeforeParsing(@TempDir Path dir) throws Exception {
    Path secret = Files.writeString(dir.resolve("secret"), "s3cr3t");
    String xxe =
        "<!DOCTYPE rsp [<!ENTITY x SYSTEM \""
            + secret.toUri()
            + "\">]>"
            + "<rsp stat=\"ok\"><photoid>&x;</photoid></rsp>";
    assertThatThrownBy(() -> parse(xxe))
        .hasMessage(
            "the answer declares a DOCTYPE or an entity, which Flickr never sends: refused unread");
    String laughs =
        "<!doctype rsp [<!ENTITY a \"aaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]>"
            + "<rsp stat=\"ok\"><photoid>&b;</photoid></rsp>";
    assertThatThrownBy(() -> parse(laughs)).hasMessageContaining("DOCTYPE");
  }

  @Test
  void encodingDeclarationCannotSmuggleADoctypePastTheCheck() {
    // "<!DOCTYPE" in UTF-7 is "+ADwAIQ-DOCTYPE"; read as UTF-8 characters it stays inert text.
    String utf7 =
        "<?xml version=\"1.0\" encoding=\"UTF-7\"?>+ADwAIQ-DOCTYPE rsp +AFs-+ADwAIQ-ENTITY x SYSTEM"
            + " +ACI-http://127.0.0.1:1/+ACI-+AD4AXQA+-<rsp stat=\"ok\"><photoid>1</photoid></rsp>";
    // Refused as text before the root element, not as a DOCTYPE: the parser read characters, so
    // the encoding declaration never turned the text into markup. (The parser's messages follow
    // the default locale: English here.)
    java.util.Locale locale = java.util.Locale.getDefault();
    java.util.Locale.setDefault(java.util.Locale.ENGLISH);
    try {
      assertThatThrownBy(() -> parse(utf7))
          .hasMessageStartingWith("the answer is not well-formed XML")
          .hasMessageContaining("prolog")
          .hasMessageNotContaining("DOCTYPE");
    } finally {
      java.util.Locale.setDefault(locale);
    }
  }

  @Test
  void parserAloneRefusesDoctypeAndNeverFetchesAnEntity(@TempDir Path dir) throws Exception {
    Path secret = Files.writeString(dir.resolve("secret"), "s3cr3t");
    String xxe =
        "<!DOCTYPE rsp [\n"
            + "<!ENTITY file SYSTEM \""
            + secret.toUri()
            + "\">\n"
            + "<!ENTITY net SYSTEM \""
            + entityServer.url("/entity")
            + "\">\n"
            + "<!ENTITY % remote SYSTEM \""
            + entityServer.url("/dtd")
            + "\"> %remote;\n"
            + "]><rsp stat=\"ok\"><photoid>&file;&net;</photoid></rsp>";
    assertThatThrownBy(
            () ->
                UploadXml.reader(new DefaultHandler())
                    .parse(new InputSource(new StringReader(xxe))))
        .isInstanceOf(SAXException.class)
        .hasMessageNotContaining("s3cr3t");
    assertThat(entityServer.getRequestCount()).isZero();
  }
}
