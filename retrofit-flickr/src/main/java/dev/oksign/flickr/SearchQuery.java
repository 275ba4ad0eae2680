package dev.oksign.flickr;

import dev.oksign.flickr.internal.Api26;
import dev.oksign.flickr.internal.Wire;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The parameters of {@code flickr.photos.search}, typed. Every parameter is optional; unset ones
 * are not sent. Immutable: {@link #newBuilder()} makes a variant.
 *
 * <pre>{@code
 * SearchQuery query = SearchQuery.builder()
 *     .text("harbour seal")
 *     .tags("seal", "wildlife").tagMode(SearchQuery.TagMode.ALL)
 *     .minUploadDate(Instant.parse("2024-01-01T00:00:00Z"))
 *     .sort(SearchQuery.Sort.DATE_POSTED_DESC)
 *     .extras(Extras.of(Extra.URL_M, Extra.DATE_UPLOAD))
 *     .build();
 * PhotoPage first = flickr.photos().search(query).execute().body();
 * }</pre>
 */
public final class SearchQuery {
  private final String text;
  private final List<String> tags;
  private final TagMode tagMode;
  private final String userId;
  private final Instant minUploadDate;
  private final Instant maxUploadDate;
  private final LocalDateTime minTakenDate;
  private final LocalDateTime maxTakenDate;
  private final Sort sort;
  private final String bbox;
  private final SafeSearch safeSearch;
  private final ContentType contentType;
  private final Media media;
  private final Extras extras;
  private final Integer page;
  private final Integer perPage;
  private final Map<String, String> other;

  private SearchQuery(Builder b) {
    this.text = b.text;
    this.tags = Api26.copyOf(b.tags, "tags");
    this.tagMode = b.tagMode;
    this.userId = b.userId;
    this.minUploadDate = b.minUploadDate;
    this.maxUploadDate = b.maxUploadDate;
    this.minTakenDate = b.minTakenDate;
    this.maxTakenDate = b.maxTakenDate;
    this.sort = b.sort;
    this.bbox = b.bbox;
    this.safeSearch = b.safeSearch;
    this.contentType = b.contentType;
    this.media = b.media;
    this.extras = b.extras;
    this.page = b.page;
    this.perPage = b.perPage;
    this.other = Collections.unmodifiableMap(new LinkedHashMap<>(b.other));
  }

  /** Returns an empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder holding this query. */
  public Builder newBuilder() {
    return new Builder(this);
  }

  /** Returns this query for page {@code page} of {@code perPage} photos. */
  public SearchQuery withPage(int page, int perPage) {
    return newBuilder().page(page).perPage(perPage).build();
  }

  /** The page asked for, or null for Flickr's default (1). */
  public Integer page() {
    return page;
  }

  /** The page size asked for, or null for Flickr's default (100). */
  public Integer perPage() {
    return perPage;
  }

  /** The extras asked for, or null. */
  public Extras extras() {
    return extras;
  }

  /** The earliest upload asked for ({@code min_upload_date}), or null. */
  public Instant minUploadDate() {
    return minUploadDate;
  }

  /** The latest upload asked for ({@code max_upload_date}), or null. */
  public Instant maxUploadDate() {
    return maxUploadDate;
  }

  /** The earliest taken date asked for ({@code min_taken_date}), or null. */
  public LocalDateTime minTakenDate() {
    return minTakenDate;
  }

  /** The latest taken date asked for ({@code max_taken_date}), or null. */
  public LocalDateTime maxTakenDate() {
    return maxTakenDate;
  }

  /** The order asked for ({@code sort}), or null for Flickr's default, {@code date-posted-desc}. */
  public Sort sort() {
    return sort;
  }

  /**
   * The parameters as sent, in a fixed order, without the ones {@link Flickr} adds ({@code method},
   * {@code format}, {@code nojsoncallback}).
   */
  public Map<String, String> parameters() {
    Map<String, String> p = new LinkedHashMap<>();
    if (text != null) p.put(Wire.TEXT, text);
    if (!tags.isEmpty()) p.put(Wire.TAGS, String.join(",", tags));
    if (tagMode != null) p.put(Wire.TAG_MODE, tagMode.wireName);
    if (userId != null) p.put(Wire.USER_ID, userId);
    if (minUploadDate != null) p.put(Wire.MIN_UPLOAD_DATE, epoch(minUploadDate));
    if (maxUploadDate != null) p.put(Wire.MAX_UPLOAD_DATE, epoch(maxUploadDate));
    if (minTakenDate != null) p.put(Wire.MIN_TAKEN_DATE, MYSQL_DATETIME.format(minTakenDate));
    if (maxTakenDate != null) p.put(Wire.MAX_TAKEN_DATE, MYSQL_DATETIME.format(maxTakenDate));
    if (sort != null) p.put(Wire.SORT, sort.wireName);
    if (bbox != null) p.put(Wire.BBOX, bbox);
    if (safeSearch != null) p.put(Wire.SAFE_SEARCH, Integer.toString(safeSearch.code));
    if (contentType != null) p.put(Wire.CONTENT_TYPE, Integer.toString(contentType.code));
    if (media != null) p.put(Wire.MEDIA, media.wireName);
    if (extras != null && !extras.isEmpty()) p.put(Wire.EXTRAS, extras.toString());
    p.putAll(other);
    if (page != null) p.put(Wire.PAGE, Integer.toString(page));
    if (perPage != null) p.put(Wire.PER_PAGE, Integer.toString(perPage));
    return Collections.unmodifiableMap(p);
  }

  /** The parameters, as sent. */
  @Override
  public String toString() {
    return "SearchQuery" + parameters();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SearchQuery other && other.parameters().equals(parameters());
  }

  @Override
  public int hashCode() {
    return parameters().hashCode();
  }

  private static final DateTimeFormatter MYSQL_DATETIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

  private static String epoch(Instant instant) {
    return Long.toString(instant.getEpochSecond());
  }

  /** How several {@code tags} combine ({@code tag_mode}). */
  public enum TagMode {
    /** Photos with any of the tags ({@code any}, Flickr's default). */
    ANY("any"),
    /** Photos with all of the tags ({@code all}). */
    ALL("all");

    final String wireName;

    TagMode(String wireName) {
      this.wireName = wireName;
    }
  }

  /** The order of the results ({@code sort}). */
  public enum Sort {
    /** {@code date-posted-asc}. */
    DATE_POSTED_ASC("date-posted-asc"),
    /** {@code date-posted-desc}, Flickr's default. */
    DATE_POSTED_DESC("date-posted-desc"),
    /** {@code date-taken-asc}. */
    DATE_TAKEN_ASC("date-taken-asc"),
    /** {@code date-taken-desc}. */
    DATE_TAKEN_DESC("date-taken-desc"),
    /** {@code interestingness-desc}. */
    INTERESTINGNESS_DESC("interestingness-desc"),
    /** {@code interestingness-asc}. */
    INTERESTINGNESS_ASC("interestingness-asc"),
    /** {@code relevance}. */
    RELEVANCE("relevance");

    final String wireName;

    Sort(String wireName) {
      this.wireName = wireName;
    }
  }

  /** The safety levels to include ({@code safe_search}). */
  public enum SafeSearch {
    /** 1: safe only. */
    SAFE(1),
    /** 2: safe and moderate. */
    MODERATE(2),
    /** 3: all, including restricted. */
    RESTRICTED(3);

    final int code;

    SafeSearch(int code) {
      this.code = code;
    }
  }

  /** The content types to include ({@code content_type}). */
  public enum ContentType {
    /** 1: photos only. */
    PHOTOS(1),
    /** 2: screenshots only. */
    SCREENSHOTS(2),
    /** 3: "other" only. */
    OTHER(3),
    /** 4: photos and screenshots. */
    PHOTOS_AND_SCREENSHOTS(4),
    /** 5: screenshots and "other". */
    SCREENSHOTS_AND_OTHER(5),
    /** 6: photos and "other". */
    PHOTOS_AND_OTHER(6),
    /** 7: everything. */
    ALL(7);

    final int code;

    ContentType(int code) {
      this.code = code;
    }
  }

  /** Photos, videos or both ({@code media}). */
  public enum Media {
    /** {@code all}, Flickr's default. */
    ALL("all"),
    /** {@code photos}. */
    PHOTOS("photos"),
    /** {@code videos}. */
    VIDEOS("videos");

    final String wireName;

    Media(String wireName) {
      this.wireName = wireName;
    }
  }

  /** Builds a {@link SearchQuery}. */
  public static final class Builder {
    private String text;
    private final List<String> tags = new ArrayList<>();
    private TagMode tagMode;
    private String userId;
    private Instant minUploadDate;
    private Instant maxUploadDate;
    private LocalDateTime minTakenDate;
    private LocalDateTime maxTakenDate;
    private Sort sort;
    private String bbox;
    private SafeSearch safeSearch;
    private ContentType contentType;
    private Media media;
    private Extras extras;
    private Integer page;
    private Integer perPage;
    private final Map<String, String> other = new LinkedHashMap<>();

    Builder() {}

    Builder(SearchQuery q) {
      text = q.text;
      tags.addAll(q.tags);
      tagMode = q.tagMode;
      userId = q.userId;
      minUploadDate = q.minUploadDate;
      maxUploadDate = q.maxUploadDate;
      minTakenDate = q.minTakenDate;
      maxTakenDate = q.maxTakenDate;
      sort = q.sort;
      bbox = q.bbox;
      safeSearch = q.safeSearch;
      contentType = q.contentType;
      media = q.media;
      extras = q.extras;
      page = q.page;
      perPage = q.perPage;
      other.putAll(q.other);
    }

    /** Free text, matched against title, description and tags ({@code text}). */
    public Builder text(String text) {
      this.text = text;
      return this;
    }

    /** Tags to match ({@code tags}, comma-separated on the wire); replaces earlier ones. */
    public Builder tags(String... tags) {
      return tags(Api26.copyOf(Arrays.asList(tags), "tags"));
    }

    /** Tags to match ({@code tags}, comma-separated on the wire); replaces earlier ones. */
    public Builder tags(List<String> tags) {
      for (String tag : tags) {
        if (tag == null || Api26.isBlank(tag))
          throw new IllegalArgumentException("tags contains a blank tag");
        if (tag.contains(",")) throw new IllegalArgumentException("tag contains a comma: " + tag);
      }
      this.tags.clear();
      this.tags.addAll(tags);
      return this;
    }

    /** How several tags combine ({@code tag_mode}). */
    public Builder tagMode(TagMode tagMode) {
      this.tagMode = tagMode;
      return this;
    }

    /** Only this user's photos ({@code user_id}): an NSID, or {@code me} for the caller. */
    public Builder userId(String userId) {
      this.userId = userId;
      return this;
    }

    /**
     * Uploaded at or after ({@code min_upload_date}, Unix seconds on the wire; Flickr: "Photos with
     * an upload date greater than or equal to this value will be returned").
     */
    public Builder minUploadDate(Instant minUploadDate) {
      this.minUploadDate = minUploadDate;
      return this;
    }

    /**
     * Uploaded at or before ({@code max_upload_date}, Unix seconds on the wire; Flickr: "less than
     * or equal to").
     */
    public Builder maxUploadDate(Instant maxUploadDate) {
      this.maxUploadDate = maxUploadDate;
      return this;
    }

    /**
     * Taken at or after ({@code min_taken_date}): a camera's local time, sent as a MySQL datetime
     * {@code yyyy-MM-dd HH:mm:ss}.
     */
    public Builder minTakenDate(LocalDateTime minTakenDate) {
      this.minTakenDate = minTakenDate;
      return this;
    }

    /** Taken at or before ({@code max_taken_date}); see {@link #minTakenDate}. */
    public Builder maxTakenDate(LocalDateTime maxTakenDate) {
      this.maxTakenDate = maxTakenDate;
      return this;
    }

    /** The order of the results ({@code sort}). */
    public Builder sort(Sort sort) {
      this.sort = sort;
      return this;
    }

    /**
     * A bounding box ({@code bbox}): minimum longitude, minimum latitude, maximum longitude,
     * maximum latitude, in degrees (WGS 84).
     *
     * @throws IllegalArgumentException if a value is out of range or a minimum exceeds its maximum
     */
    public Builder bbox(
        double minLongitude, double minLatitude, double maxLongitude, double maxLatitude) {
      checkRange("minLongitude", minLongitude, 180);
      checkRange("maxLongitude", maxLongitude, 180);
      checkRange("minLatitude", minLatitude, 90);
      checkRange("maxLatitude", maxLatitude, 90);
      if (minLongitude > maxLongitude || minLatitude > maxLatitude) {
        throw new IllegalArgumentException(
            "bbox minimum exceeds maximum: "
                + minLongitude
                + ","
                + minLatitude
                + ","
                + maxLongitude
                + ","
                + maxLatitude);
      }
      this.bbox =
          plain(minLongitude)
              + ","
              + plain(minLatitude)
              + ","
              + plain(maxLongitude)
              + ","
              + plain(maxLatitude);
      return this;
    }

    private static void checkRange(String name, double value, double limit) {
      if (!(value >= -limit && value <= limit)) {
        throw new IllegalArgumentException(
            name + " out of range [-" + (int) limit + ", " + (int) limit + "]: " + value);
      }
    }

    private static String plain(double d) {
      return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }

    /** The safety levels to include ({@code safe_search}). */
    public Builder safeSearch(SafeSearch safeSearch) {
      this.safeSearch = safeSearch;
      return this;
    }

    /** The content types to include ({@code content_type}). */
    public Builder contentType(ContentType contentType) {
      this.contentType = contentType;
      return this;
    }

    /** Photos, videos or both ({@code media}). */
    public Builder media(Media media) {
      this.media = media;
      return this;
    }

    /** Extra fields for each photo ({@code extras}). */
    public Builder extras(Extras extras) {
      this.extras = extras;
      return this;
    }

    /** The page, from 1 ({@code page}). */
    public Builder page(int page) {
      if (page < 1) throw new IllegalArgumentException("page < 1: " + page);
      this.page = page;
      return this;
    }

    /** The page size, 1 to 500 ({@code per_page}). */
    public Builder perPage(int perPage) {
      if (perPage < 1 || perPage > Paging.MAX_PER_PAGE) {
        throw new IllegalArgumentException(
            "perPage must be 1 to " + Paging.MAX_PER_PAGE + ": " + perPage);
      }
      this.perPage = perPage;
      return this;
    }

    /**
     * Any other parameter of {@code flickr.photos.search} ({@code lat}, {@code radius}, {@code
     * group_id}...), sent as given.
     */
    public Builder parameter(String name, String value) {
      if (name == null) throw new NullPointerException("name == null");
      if (value == null) throw new NullPointerException(name + " value == null");
      other.put(name, value);
      return this;
    }

    /** Returns the query. */
    public SearchQuery build() {
      return new SearchQuery(this);
    }
  }
}
