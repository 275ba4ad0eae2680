package dev.oksign.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** What the fake answers to one request: a status, a content type and a body, or a fault. */
final class Answer {
  final int code;
  final String contentType;
  final byte[] body;
  final String location;
  final Duration delay;
  final boolean disconnect;

  private Answer(
      int code,
      String contentType,
      byte[] body,
      String location,
      Duration delay,
      boolean disconnect) {
    this.code = code;
    this.contentType = contentType;
    this.body = body;
    this.location = location;
    this.delay = delay;
    this.disconnect = disconnect;
  }

  static Answer of(int code, String contentType, String body) {
    return new Answer(
        code, contentType, body.getBytes(StandardCharsets.UTF_8), null, Duration.ZERO, false);
  }

  static Answer redirect(String location, String contentType) {
    return new Answer(302, contentType, new byte[0], location, Duration.ZERO, false);
  }

  static Answer disconnect() {
    return new Answer(0, null, new byte[0], null, Duration.ZERO, true);
  }

  /** This answer, sent only after {@code delay}. */
  Answer delayed(Duration delay) {
    return new Answer(code, contentType, body, location, delay, disconnect);
  }

  /** The body as text, for tests. */
  String bodyUtf8() {
    return new String(body, StandardCharsets.UTF_8);
  }
}
