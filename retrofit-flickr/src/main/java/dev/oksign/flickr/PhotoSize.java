package dev.oksign.flickr;

/**
 * The sizes of Flickr's image URL scheme, {@code
 * https://live.staticflickr.com/{server}/{id}_{secret}_{suffix}.jpg}, as documented at <a
 * href="https://www.flickr.com/services/api/misc.urls.html">Photo Image URLs</a>.
 *
 * <p>The sizes up to {@link #LARGE_1024} are built from the photo's {@code secret}. The larger ones
 * and the original have a secret of their own: {@link Photo#url(PhotoSize)} then needs the matching
 * {@link #extra()} (such as {@code url_k}) to have been asked for, or, for the original, {@link
 * Extra#ORIGINAL_FORMAT}.
 */
public enum PhotoSize {
  /** 75×75 cropped square, suffix {@code s}. */
  SQUARE_75("s", Extra.URL_SQ, false),
  /** 150×150 cropped square, suffix {@code q}. */
  SQUARE_150("q", Extra.URL_Q, false),
  /** 100 on the longest side, suffix {@code t}. */
  THUMBNAIL_100("t", Extra.URL_T, false),
  /** 240 on the longest side, suffix {@code m}. */
  SMALL_240("m", Extra.URL_S, false),
  /** 320 on the longest side, suffix {@code n}. */
  SMALL_320("n", Extra.URL_N, false),
  /** 400 on the longest side, suffix {@code w}. */
  SMALL_400("w", Extra.URL_W, false),
  /** 500 on the longest side, no suffix. */
  MEDIUM_500("", Extra.URL_M, false),
  /** 640 on the longest side, suffix {@code z}. */
  MEDIUM_640("z", Extra.URL_Z, false),
  /** 800 on the longest side, suffix {@code c}. */
  MEDIUM_800("c", Extra.URL_C, false),
  /** 1024 on the longest side, suffix {@code b}. */
  LARGE_1024("b", Extra.URL_L, false),
  /** 1600 on the longest side, suffix {@code h}; has its own secret. */
  LARGE_1600("h", Extra.URL_H, true),
  /** 2048 on the longest side, suffix {@code k}; has its own secret. */
  LARGE_2048("k", Extra.URL_K, true),
  /** The original file, suffix {@code o}; has its own secret and format. */
  ORIGINAL("o", Extra.URL_O, true);

  private final String suffix;
  private final Extra extra;
  private final boolean ownSecret;

  PhotoSize(String suffix, Extra extra, boolean ownSecret) {
    this.suffix = suffix;
    this.extra = extra;
    this.ownSecret = ownSecret;
  }

  /** The URL suffix, such as {@code z}; empty for {@link #MEDIUM_500}. */
  public String suffix() {
    return suffix;
  }

  /** The extra that makes Flickr send this size's URL, such as {@link Extra#URL_Z}. */
  public Extra extra() {
    return extra;
  }

  /** True if this size has a secret of its own and cannot be built from the photo's secret. */
  public boolean hasOwnSecret() {
    return ownSecret;
  }
}
