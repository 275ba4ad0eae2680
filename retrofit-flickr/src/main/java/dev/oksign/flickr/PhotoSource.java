package dev.oksign.flickr;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import okio.Okio;
import okio.Source;

/** Where a photo's bytes come from: a file, an array or a one-shot stream. */
final class PhotoSource {
  final Path path;
  private final byte[] bytes;
  private final InputStream stream;
  private final long streamLength;
  private final AtomicBoolean streamTaken = new AtomicBoolean();

  private PhotoSource(Path path, byte[] bytes, InputStream stream, long streamLength) {
    this.path = path;
    this.bytes = bytes;
    this.stream = stream;
    this.streamLength = streamLength;
  }

  static PhotoSource file(Path path) {
    return new PhotoSource(path, null, null, -1);
  }

  static PhotoSource bytes(byte[] bytes) {
    return new PhotoSource(null, bytes, null, bytes.length);
  }

  static PhotoSource stream(InputStream stream, long length) {
    return new PhotoSource(null, null, stream, length);
  }

  /** The length in bytes; a file's is read now. */
  long length() throws IOException {
    if (path != null) return Files.size(path);
    return bytes != null ? bytes.length : streamLength;
  }

  boolean isOneShot() {
    return stream != null;
  }

  Source open() throws IOException {
    if (path != null) return Okio.source(path);
    if (bytes != null) return Okio.source(new java.io.ByteArrayInputStream(bytes));
    if (!streamTaken.compareAndSet(false, true)) {
      throw new IOException(
          "the photo stream was already sent once and cannot be sent again: upload from a file"
              + " or a byte array to allow retries");
    }
    return Okio.source(stream);
  }
}
