package dev.oksign.flickr;

/**
 * Told how much of a photo has been sent, for a progress bar on large uploads. Set it with {@link
 * PhotoUpload.Builder#progressListener(UploadProgressListener)}.
 *
 * <pre>{@code
 * PhotoUpload upload = PhotoUpload.builder(Path.of("movie.mp4"))
 *     .progressListener((sent, total) -> bar.setValue((int) (100 * sent / total)))
 *     .build();
 * }</pre>
 *
 * <p>It is called on the thread that writes the request body (the caller's for {@code execute()},
 * OkHttp's for {@code enqueue()}), after each chunk of at most 8 KiB, the last time with {@code
 * bytesSent == totalBytes}. It must return quickly and must not throw. If OkHttp writes the body
 * again (a retry on a new connection), counting restarts from zero.
 */
@FunctionalInterface
public interface UploadProgressListener {
  /**
   * Called as the photo is written.
   *
   * @param bytesSent bytes of the photo written so far
   * @param totalBytes the photo's length in bytes
   */
  void onProgress(long bytesSent, long totalBytes);
}
