package dev.oksign.flickr;

import java.io.IOException;
import java.net.ProtocolException;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okio.Buffer;
import okio.BufferedSink;
import okio.Source;

/**
 * The photo part of an upload: streamed from its {@link PhotoSource} in chunks of at most {@link
 * #CHUNK} bytes, with progress reported after each. Never holds more than one chunk.
 */
final class PhotoBody extends RequestBody {
  static final int CHUNK = 8192;

  private final PhotoSource source;
  private final MediaType mediaType;
  private final UploadProgressListener listener;
  private long length = -1;

  PhotoBody(PhotoSource source, MediaType mediaType, UploadProgressListener listener) {
    this.source = source;
    this.mediaType = mediaType;
    this.listener = listener;
  }

  @Override
  public MediaType contentType() {
    return mediaType;
  }

  /** The photo's length, read once (a file's size when the request is first framed). */
  @Override
  public synchronized long contentLength() throws IOException {
    if (length == -1) length = source.length();
    return length;
  }

  @Override
  public boolean isOneShot() {
    return source.isOneShot();
  }

  @Override
  public void writeTo(BufferedSink sink) throws IOException {
    long length = contentLength();
    long sent = 0;
    try (Source in = source.open()) {
      Buffer chunk = new Buffer();
      while (sent < length) {
        long read = in.read(chunk, Math.min(CHUNK, length - sent));
        if (read == -1) {
          throw new ProtocolException(
              "the photo ended after " + sent + " of the " + length + " bytes announced");
        }
        sink.write(chunk, read);
        sent += read;
        if (listener != null) listener.onProgress(sent, length);
      }
    }
  }
}
