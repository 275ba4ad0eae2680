package dev.oksign.flickr;

import java.io.IOException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import okhttp3.Request;
import okio.Timeout;
import retrofit2.Callback;
import retrofit2.Response;

/**
 * A model of {@code flickr.photos.search} in memory, behind the interface {@link SearchAll} uses:
 * the documented date filters (upload dates as Unix seconds, taken dates as MySQL datetimes, both
 * bounds inclusive), {@code sort=date-posted-asc/desc} (ties by id), {@code total} as the whole
 * count, and at most the first {@code cap} results per query (a page past them repeats the last
 * page that reaches into them, as Flickr does). Each call is answered when executed, so a test can
 * change the index between calls.
 */
final class InMemorySearch implements FlickrPhotos {
  /** A photo of the index: its id, upload second and taken second (camera time read as UTC). */
  record Item(long id, long upload, long taken) {}

  private final List<Item> items = new CopyOnWriteArrayList<>();
  private final int cap;

  /** Every call's parameters, in order. */
  final List<Map<String, String>> requests = new CopyOnWriteArrayList<>();

  /** Answers a call with a failure instead, when it returns one; by call number from 1. */
  volatile Function<Integer, IOException> failure = call -> null;

  /** Runs before each call is answered, with its number from 1: to change the index mid-walk. */
  volatile java.util.function.IntConsumer beforeCall = call -> {};

  InMemorySearch(List<Item> items, int cap) {
    this.items.addAll(items);
    this.cap = cap;
  }

  void add(Item item) {
    items.add(item);
  }

  int probes() {
    int n = 0;
    for (Map<String, String> r : requests) if ("1".equals(r.get("per_page"))) n++;
    return n;
  }

  @Override
  public retrofit2.Call<PhotoPage> search(Map<String, String> parameters) {
    return new ImmediateCall(Map.copyOf(parameters));
  }

  @Override
  public retrofit2.Call<List<UploadTicket>> checkUploadTickets(String ticketIds) {
    throw new UnsupportedOperationException();
  }

  private PhotoPage answer(Map<String, String> p) {
    long minUpload =
        p.containsKey("min_upload_date")
            ? Long.parseLong(p.get("min_upload_date"))
            : Long.MIN_VALUE;
    long maxUpload =
        p.containsKey("max_upload_date")
            ? Long.parseLong(p.get("max_upload_date"))
            : Long.MAX_VALUE;
    long minTaken =
        p.containsKey("min_taken_date") ? mysql(p.get("min_taken_date")) : Long.MIN_VALUE;
    long maxTaken =
        p.containsKey("max_taken_date") ? mysql(p.get("max_taken_date")) : Long.MAX_VALUE;
    List<Item> found = new ArrayList<>();
    for (Item i : items) {
      if (i.upload() >= minUpload
          && i.upload() <= maxUpload
          && i.taken() >= minTaken
          && i.taken() <= maxTaken) {
        found.add(i);
      }
    }
    Comparator<Item> asc = Comparator.comparingLong(Item::upload).thenComparingLong(Item::id);
    found.sort("date-posted-asc".equals(p.get("sort")) ? asc : asc.reversed());
    int perPage = Integer.parseInt(p.getOrDefault("per_page", "100"));
    int page = Integer.parseInt(p.getOrDefault("page", "1"));
    int total = found.size();
    int reachable = Math.min(total, cap);
    int lastReachable = Math.max(1, (reachable + perPage - 1) / perPage);
    int served = Math.min(page, lastReachable);
    int from = Math.min(reachable, (served - 1) * perPage);
    int to = Math.min(reachable, from + perPage);
    List<Photo> photos = new ArrayList<>();
    for (Item i : found.subList(from, to)) {
      photos.add(
          new Photo(Long.toString(i.id()), "1@N01", "s", "1", 1, "", true, false, false, Map.of()));
    }
    return new PhotoPage(page, (total + perPage - 1) / perPage, perPage, total, photos);
  }

  private static long mysql(String datetime) {
    return LocalDateTime.parse(datetime.replace(' ', 'T')).toEpochSecond(ZoneOffset.UTC);
  }

  private final class ImmediateCall implements retrofit2.Call<PhotoPage> {
    private final Map<String, String> parameters;
    private volatile boolean executed;
    private volatile boolean canceled;

    ImmediateCall(Map<String, String> parameters) {
      this.parameters = parameters;
    }

    @Override
    public Response<PhotoPage> execute() throws IOException {
      executed = true;
      requests.add(parameters);
      int number = requests.size();
      beforeCall.accept(number);
      IOException e = failure.apply(number);
      if (e != null) throw e;
      return Response.success(answer(parameters));
    }

    @Override
    public void enqueue(Callback<PhotoPage> callback) {
      try {
        callback.onResponse(this, execute());
      } catch (IOException e) {
        callback.onFailure(this, e);
      }
    }

    @Override
    public boolean isExecuted() {
      return executed;
    }

    @Override
    public void cancel() {
      canceled = true;
    }

    @Override
    public boolean isCanceled() {
      return canceled;
    }

    @Override
    public retrofit2.Call<PhotoPage> clone() {
      return new ImmediateCall(parameters);
    }

    @Override
    public Request request() {
      return new Request.Builder().url("http://localhost/").build();
    }

    @Override
    public Timeout timeout() {
      return Timeout.NONE;
    }
  }
}
