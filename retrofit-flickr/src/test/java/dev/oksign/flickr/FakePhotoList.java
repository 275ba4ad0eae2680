package dev.oksign.flickr;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntUnaryOperator;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * A paged photo list served the way Flickr serves one: {@code page} and {@code per_page} from the
 * query, {@code pages} computed from the total, numbers sometimes as strings, and, like
 * photos.search, pages past a cap of unique results repeating the last one.
 */
final class FakePhotoList extends Dispatcher {
  private final IntUnaryOperator totalForPage;
  private final int uniqueCap;
  private final Map<Integer, MockResponse> overrides = new ConcurrentHashMap<>();

  /** A list of {@code total} photos. */
  FakePhotoList(int total) {
    this(page -> total, Integer.MAX_VALUE);
  }

  /** A list whose total is {@code totalForPage(page)} when page is asked for. */
  FakePhotoList(IntUnaryOperator totalForPage, int uniqueCap) {
    this.totalForPage = totalForPage;
    this.uniqueCap = uniqueCap;
  }

  /** Answers page {@code page} with {@code response} instead. */
  FakePhotoList override(int page, MockResponse response) {
    overrides.put(page, response);
    return this;
  }

  static String id(int index) {
    return Integer.toString(1_000_000 + index);
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    String pageParam = request.getUrl().queryParameter("page");
    String perPageParam = request.getUrl().queryParameter("per_page");
    int page = pageParam == null ? 1 : Integer.parseInt(pageParam);
    int perPage = perPageParam == null ? 100 : Integer.parseInt(perPageParam);
    MockResponse override = overrides.get(page);
    if (override != null) return override;
    int total = totalForPage.applyAsInt(page);
    int pages = (total + perPage - 1) / perPage;
    int from = (page - 1) * perPage;
    if (from >= uniqueCap) from = Math.max(0, uniqueCap - perPage); // repeats, as search does
    int to = Math.min(total, from + perPage);
    StringBuilder photos = new StringBuilder();
    for (int i = from; i < to; i++) {
      if (photos.length() > 0) photos.append(',');
      photos
          .append("{\"id\":\"")
          .append(id(i))
          .append(
              "\",\"owner\":\"1@N01\",\"secret\":\"abc\",\"server\":\"65535\",\"farm\":66,\"title\":\"p")
          .append(i)
          .append("\",\"ispublic\":1,\"isfriend\":0,\"isfamily\":0}");
    }
    return Fixtures.body(
        "{\"photos\":{\"page\":"
            + page
            + ",\"pages\":"
            + pages
            + ",\"perpage\":"
            + perPage
            + ",\"total\":\""
            + total
            + "\",\"photo\":["
            + photos
            + "]},\"stat\":\"ok\"}");
  }
}
