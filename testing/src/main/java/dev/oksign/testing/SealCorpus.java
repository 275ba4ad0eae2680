package dev.oksign.testing;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * The {@value FakeFlickrData#SEAL_PHOTOS} photos a search for {@value FakeFlickrData#SEAL_TEXT}
 * finds: enough to need several levels of date splitting past Flickr's 4,000-result cap. Kept as
 * columns (upload second, taken second, title variant) and turned into {@link FakeFlickrData.Photo}
 * only when served, so the corpus costs about 400 KB and a few milliseconds to generate.
 *
 * <p>Three populations, from one seed: {@value #BACKGROUND} photos uploaded over 2012 to 2024;
 * {@value #BURST_DAY_COUNT} uploaded during {@link #BURST_DAY} (more than a search serves, in one
 * day); and {@value #SAME_SECOND_COUNT} uploaded in the one second {@link #SAME_SECOND} (an archive
 * imported at once, taken from 1960 to 1999), which only the taken date can split.
 *
 * <p>Index {@code j} is the photo's rank in upload order (ties in generation order); its id is
 * {@link #FIRST_ID}{@code + j}, above every id of the general corpus.
 */
final class SealCorpus {
  static final int BACKGROUND = 14_500;
  static final int BURST_DAY_COUNT = 6_000;
  static final int SAME_SECOND_COUNT = 4_500;
  static final int SIZE = BACKGROUND + BURST_DAY_COUNT + SAME_SECOND_COUNT;

  static final long FIRST_ID = 53_100_000_000L;
  static final Instant BURST_DAY = Instant.parse("2019-06-01T00:00:00Z");
  static final Instant SAME_SECOND = Instant.parse("2021-03-14T15:09:26Z");
  private static final long BACKGROUND_FROM =
      Instant.parse("2012-01-01T00:00:00Z").getEpochSecond();
  private static final long BACKGROUND_TO = Instant.parse("2025-01-01T00:00:00Z").getEpochSecond();
  private static final long ARCHIVE_FROM =
      LocalDateTime.parse("1960-01-01T00:00:00").toEpochSecond(ZoneOffset.UTC);
  private static final long ARCHIVE_SPAN = 40L * 365 * 86_400;

  private static final String[] TITLES = {"Grey seal", "Seal pup", "Common seal basking"};
  static final String DESCRIPTION = "Seal colony survey.";
  static final List<String> TAGS = List.of("seal", "wildlife");
  private static final String[] OWNERS = {"48600090482@N01", "35034358455@N01"};

  private final long seed;
  final long[] uploaded; // ascending
  final long[] taken; // a camera's local time, as seconds of that time read as UTC
  private final byte[] variant;
  private final List<Set<String>> variantWords;

  SealCorpus(long seed) {
    this.seed = seed;
    Random random = new Random(seed ^ 0x5EA1_C0A5L);
    long[] up = new long[SIZE];
    long[] tk = new long[SIZE];
    long burstDay = BURST_DAY.getEpochSecond();
    long sameSecond = SAME_SECOND.getEpochSecond();
    for (int i = 0; i < SIZE; i++) {
      if (i < BACKGROUND) {
        up[i] = BACKGROUND_FROM + (long) (random.nextDouble() * (BACKGROUND_TO - BACKGROUND_FROM));
        tk[i] = up[i] - random.nextInt(30 * 86_400);
      } else if (i < BACKGROUND + BURST_DAY_COUNT) {
        up[i] = burstDay + random.nextInt(86_400);
        tk[i] = up[i] - random.nextInt(2 * 3_600);
      } else {
        up[i] = sameSecond;
        tk[i] = ARCHIVE_FROM + (long) (random.nextDouble() * ARCHIVE_SPAN);
      }
    }
    // Rank by upload second, ties in generation order: a key of second and generation index.
    long[] keys = new long[SIZE];
    for (int i = 0; i < SIZE; i++) keys[i] = up[i] * 32_768 + i;
    Arrays.sort(keys);
    this.uploaded = new long[SIZE];
    this.taken = new long[SIZE];
    this.variant = new byte[SIZE];
    for (int j = 0; j < SIZE; j++) {
      int i = (int) (keys[j] & 32_767);
      uploaded[j] = up[i];
      taken[j] = tk[i];
      variant[j] = (byte) (i % TITLES.length);
    }
    List<Set<String>> words = new ArrayList<>();
    for (String title : TITLES) {
      Set<String> w = new HashSet<>(FakeFlickrData.tokenize(title));
      w.addAll(FakeFlickrData.tokenize(DESCRIPTION));
      w.addAll(TAGS);
      words.add(w);
    }
    this.variantWords = List.copyOf(words);
  }

  /** The words a text search matches on photo {@code j}. */
  Set<String> words(int j) {
    return variantWords.get(variant[j]);
  }

  /** The owner of photo {@code j}. */
  String owner(int j) {
    return OWNERS[j % OWNERS.length];
  }

  /** Index of the photo {@code id}, or -1. */
  static int indexOf(String id) {
    long n;
    try {
      n = Long.parseLong(id);
    } catch (NumberFormatException e) {
      return -1;
    }
    return n >= FIRST_ID && n < FIRST_ID + SIZE ? (int) (n - FIRST_ID) : -1;
  }

  /** Photo {@code j}, made anew. */
  FakeFlickrData.Photo photo(int j) {
    long mix = mix(seed + j);
    return new FakeFlickrData.Photo(
        Long.toString(FIRST_ID + j),
        owner(j),
        String.format(Locale.ROOT, "%010x", mix & 0xffffffffffL),
        Integer.toString(65535 - (int) ((mix >>> 48) % 20)),
        66,
        TITLES[variant[j]],
        DESCRIPTION,
        TAGS,
        uploaded[j],
        LocalDateTime.ofEpochSecond(taken[j], 0, ZoneOffset.UTC));
  }

  /** SplitMix64's finaliser: a well-mixed long from any long. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
