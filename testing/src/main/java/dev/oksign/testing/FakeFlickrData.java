package dev.oksign.testing;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.RandomAccess;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The photos, photosets and users a {@link FakeFlickr} serves: generated from a seed, so the same
 * seed always gives the same data, byte for byte.
 *
 * <p>The default data ({@link #generate()}) has three users and a corpus of {@value
 * #DEFAULT_CORPUS_SIZE} public photos, every one tagged {@code oksign} (a search that matches more
 * than Flickr's 4,000-result cap). The demo user, {@link #DEMO_USER_NSID}, owns every other photo
 * and three photosets: {@link #EMPTY_PHOTOSET_ID} (0 photos), {@link #PHOTOSET_500_ID} (500) and
 * {@link #PHOTOSET_1234_ID} (1,234). Titles are an adjective and a noun ("Misty harbour"), so a
 * search for one noun finds about a twelfth of the corpus; a few titles hold non-ASCII text and a
 * few are empty, as on Flickr.
 *
 * <p>Searches also see a second corpus, served by {@code flickr.photos.search} only (and {@link
 * #photo(String)}): {@value #SEAL_PHOTOS} photos matching {@value #SEAL_TEXT}, with upload dates
 * over 2012 to 2024, more than 4,000 of them uploaded on one day and 4,500 in one second, so that a
 * walk past Flickr's cap has to split by upload date and, within that second, by taken date. It is
 * generated from the seed on the first search, in columns. It shares no word or tag with the
 * general corpus ({@link #photos()}), so searches for those words find what they did; its photos
 * belong to the two other users, and a search by one of them alone ({@code user_id}) finds theirs
 * among them.
 *
 * <p>Tests can use the data as the expected answer:
 *
 * <pre>{@code
 * List<String> expected = fake.data().photoset(FakeFlickrData.PHOTOSET_1234_ID).photos().stream()
 *     .map(FakeFlickrData.Photo::id).toList();
 * }</pre>
 */
public final class FakeFlickrData {
  /** The seed of {@link #generate()}. */
  public static final long DEFAULT_SEED = 5849L;

  /** The number of photos in the default corpus. */
  public static final int DEFAULT_CORPUS_SIZE = 6_000;

  /** The Flickr id (NSID) of the demo user, who authorizes every request token. */
  public static final String DEMO_USER_NSID = "71234567@N00";

  /** The demo user's username. */
  public static final String DEMO_USERNAME = "oksign-demo";

  /** The demo user's full name. */
  public static final String DEMO_FULLNAME = "Ada Demo";

  /** A photoset of the demo user with no photo. */
  public static final String EMPTY_PHOTOSET_ID = "72157600000000000";

  /**
   * A photoset of the demo user with 500 photos: exactly one page at Flickr's largest page size.
   */
  public static final String PHOTOSET_500_ID = "72157600000000500";

  /** A photoset of the demo user with 1,234 photos: three pages of 500. */
  public static final String PHOTOSET_1234_ID = "72157600000001234";

  /** The tag every photo of the default corpus carries. */
  public static final String CORPUS_TAG = "oksign";

  /** The word of the search corpus of {@value #SEAL_PHOTOS} photos. */
  public static final String SEAL_TEXT = "seal";

  /** The number of photos a search for {@value #SEAL_TEXT} finds. */
  public static final int SEAL_PHOTOS = SealCorpus.SIZE;

  private static final String[] ADJECTIVES = {
    "misty", "golden", "quiet", "winter", "summer", "evening",
    "morning", "rainy", "autumn", "spring", "blue", "old"
  };
  private static final String[] NOUNS = {
    "harbour", "lighthouse", "mountain", "forest", "bridge", "market",
    "river", "cathedral", "garden", "street", "beach", "tram"
  };
  private static final String[] PLACES = {
    "lisbon", "porto", "oslo", "kyoto", "quebec", "hobart", "zürich", "são paulo"
  };

  private final long seed;
  private final List<User> users;
  private final List<Photo> photos;

  /** Per photo, in the order of {@link #photos}: the words a text search matches. */
  private final List<Set<String>> photoWords;

  private final Map<String, Photo> photosById;
  private final Map<String, Photoset> photosets;
  private volatile SealCorpus seals;

  private FakeFlickrData(long seed, int corpusSize) {
    this.seed = seed;
    Random random = new Random(seed);
    this.users =
        List.of(
            new User(DEMO_USER_NSID, DEMO_USERNAME, DEMO_FULLNAME),
            new User("48600090482@N01", "harbourmaster", "Grace Hopper-Smith"),
            new User("35034358455@N01", "tramspotter", "Zoë Ōtsuka"));

    List<Photo> list = new ArrayList<>(corpusSize);
    long id = 52_000_000_000L;
    long uploaded = 1_700_000_000L;
    for (int i = 0; i < corpusSize; i++) {
      id += 1 + random.nextInt(997);
      uploaded += 60 + random.nextInt(86_400);
      String adjective = ADJECTIVES[random.nextInt(ADJECTIVES.length)];
      String noun = NOUNS[random.nextInt(NOUNS.length)];
      String place = PLACES[random.nextInt(PLACES.length)];
      String title;
      if (i % 250 == 249) {
        title = "";
      } else if (i % 97 == 5) {
        title = capitalize(adjective) + " " + noun + " in " + capitalizeWords(place);
      } else {
        title = capitalize(adjective) + " " + noun;
      }
      String owner = users.get(i % 2 == 0 ? 0 : 1 + (i / 2) % 2).nsid();
      String secret = String.format(Locale.ROOT, "%010x", random.nextLong() & 0xffffffffffL);
      String server = Integer.toString(65535 - random.nextInt(20));
      List<String> tags = List.of(CORPUS_TAG, adjective, noun, place.replace(" ", ""));
      String description = "Photo " + (i + 1) + " of " + corpusSize + ", " + place + ".";
      // Taken up to a week before the upload, from the id: the random sequence stays as it was.
      long takenSecond = uploaded - Math.floorMod(SealCorpus.mix(id), 7 * 86_400L);
      list.add(
          new Photo(
              Long.toString(id),
              owner,
              secret,
              server,
              66,
              title,
              description,
              tags,
              uploaded,
              LocalDateTime.ofEpochSecond(takenSecond, 0, ZoneOffset.UTC)));
    }
    this.photos = Collections.unmodifiableList(list);
    List<Set<String>> words = new ArrayList<>(list.size());
    for (Photo photo : list) words.add(photo.words());
    this.photoWords = words;
    Map<String, Photo> byId = new LinkedHashMap<>();
    for (Photo p : list) byId.put(p.id(), p);
    this.photosById = Collections.unmodifiableMap(byId);

    List<Photo> demoPhotos = new ArrayList<>();
    for (Photo p : list) if (p.owner().equals(DEMO_USER_NSID)) demoPhotos.add(p);
    Map<String, Photoset> sets = new LinkedHashMap<>();
    sets.put(
        PHOTOSET_1234_ID,
        new Photoset(
            PHOTOSET_1234_ID,
            DEMO_USER_NSID,
            "Twelve hundred and thirty-four",
            "Three pages of photos, the last one short.",
            shuffled(demoPhotos, 1234, random)));
    sets.put(
        PHOTOSET_500_ID,
        new Photoset(
            PHOTOSET_500_ID,
            DEMO_USER_NSID,
            "Five hundred",
            "Exactly one full page.",
            shuffled(demoPhotos, 500, random)));
    sets.put(
        EMPTY_PHOTOSET_ID,
        new Photoset(EMPTY_PHOTOSET_ID, DEMO_USER_NSID, "Empty", "Nothing here yet.", List.of()));
    this.photosets = Collections.unmodifiableMap(sets);
  }

  /**
   * Returns the default data: seed {@value #DEFAULT_SEED}, {@value #DEFAULT_CORPUS_SIZE} photos.
   */
  public static FakeFlickrData generate() {
    return generate(DEFAULT_SEED, DEFAULT_CORPUS_SIZE);
  }

  /**
   * Returns data generated from {@code seed}, with {@code corpusSize} photos.
   *
   * @throws IllegalArgumentException if {@code corpusSize} is below 2,500, too small for the demo
   *     user's photosets
   */
  public static FakeFlickrData generate(long seed, int corpusSize) {
    if (corpusSize < 2_500) {
      throw new IllegalArgumentException(
          "corpusSize < 2500: the demo user's photosets need 1,234 photos of the 1 in 2 they own");
    }
    return new FakeFlickrData(seed, corpusSize);
  }

  /** The seed the data was generated from. */
  public long seed() {
    return seed;
  }

  /** The demo user, who authorizes every request token. */
  public User demoUser() {
    return users.get(0);
  }

  /** Every user, the demo user first. */
  public List<User> users() {
    return users;
  }

  /** Returns the user of {@code nsid}, or null. */
  public User user(String nsid) {
    for (User user : users) if (user.nsid().equals(nsid)) return user;
    return null;
  }

  /** Every photo, oldest first. */
  public List<Photo> photos() {
    return photos;
  }

  /** Returns the photo of {@code id}, from either corpus, or null. */
  public Photo photo(String id) {
    Photo photo = photosById.get(id);
    if (photo != null) return photo;
    int seal = SealCorpus.indexOf(id);
    return seal < 0 ? null : seals().photo(seal);
  }

  private SealCorpus seals() {
    SealCorpus corpus = seals;
    if (corpus == null) {
      synchronized (this) {
        corpus = seals;
        if (corpus == null) seals = corpus = new SealCorpus(seed);
      }
    }
    return corpus;
  }

  /** Returns the photoset of {@code id}, or null. */
  public Photoset photoset(String id) {
    return photosets.get(id);
  }

  /** The photosets of the user {@code nsid}, in the order Flickr lists them. */
  public List<Photoset> photosets(String nsid) {
    List<Photoset> out = new ArrayList<>();
    for (Photoset set : photosets.values()) if (set.owner().equals(nsid)) out.add(set);
    return out;
  }

  /** The photos of the user {@code nsid}, newest first (Flickr's order). */
  public List<Photo> photosOf(String nsid) {
    List<Photo> out = new ArrayList<>();
    for (int i = photos.size() - 1; i >= 0; i--) {
      if (photos.get(i).owner().equals(nsid)) out.add(photos.get(i));
    }
    return out;
  }

  /**
   * The photos a {@code flickr.photos.search} finds, newest first, before Flickr's 4,000-result
   * cap. {@code text} matches whole words of the title, description and tags, case-insensitively;
   * every word must match, and a word starting with {@code -} must not. {@code tags} is a
   * comma-separated list matched against tags, any of them ({@code tagMode} "any", the default) or
   * all ("all"). Null or empty criteria are ignored; {@code ownerNsid} restricts to one user.
   */
  public List<Photo> search(String text, String tags, String tagMode, String ownerNsid) {
    return search(text, tags, tagMode, ownerNsid, Map.of());
  }

  /**
   * The photos a {@code flickr.photos.search} finds, in the order asked for, before Flickr's
   * 4,000-result cap: as {@link #search(String, String, String, String)}, narrowed and ordered by
   * {@code filters}, which holds Flickr's parameters as sent (other names are ignored):
   *
   * <ul>
   *   <li>{@code min_upload_date} and {@code max_upload_date}: uploaded at or after, at or before
   *       (both inclusive), as a Unix timestamp or a MySQL datetime (read as UTC);
   *   <li>{@code min_taken_date} and {@code max_taken_date}: taken at or after, at or before, as a
   *       MySQL datetime {@code yyyy-MM-dd HH:mm:ss} (or a Unix timestamp) in the camera's time;
   *   <li>{@code sort}: {@code date-posted-desc} (the default), {@code date-posted-asc}, {@code
   *       date-taken-desc} or {@code date-taken-asc}; ties go by id, in the same direction. Other
   *       orders (interestingness, relevance) get the default.
   * </ul>
   *
   * <p>Flickr documents both date forms for the four filters (flickr.photos.search, "The date can
   * be in the form of a unix timestamp or mysql datetime"). A value in neither form is ignored. The
   * list is computed once and its photos made as they are read: cheap for the largest search.
   */
  public List<Photo> search(
      String text, String tags, String tagMode, String ownerNsid, Map<String, String> filters) {
    Criteria criteria = new Criteria(text, tags, tagMode, ownerNsid);
    DateRange upload = DateRange.of(filters.get("min_upload_date"), filters.get("max_upload_date"));
    DateRange takenRange =
        DateRange.of(filters.get("min_taken_date"), filters.get("max_taken_date"));
    SealCorpus seal = seals();
    int general = photos.size();
    int[] found = new int[general + SealCorpus.SIZE];
    int count = 0;
    for (int i = 0; i < general; i++) {
      Photo photo = photos.get(i);
      if (criteria.matches(photo.owner(), photoWords.get(i), photo.tags())
          && upload.contains(photo.dateUpload())
          && takenRange.contains(photo.dateTaken().toEpochSecond(ZoneOffset.UTC))) {
        found[count++] = i;
      }
    }
    for (int j = 0; j < SealCorpus.SIZE; j++) {
      if (criteria.matches(seal.owner(j), seal.words(j), SealCorpus.TAGS)
          && upload.contains(seal.uploaded[j])
          && takenRange.contains(seal.taken[j])) {
        found[count++] = general + j;
      }
    }
    String sort = filters.getOrDefault("sort", "");
    boolean byTaken = sort.startsWith("date-taken-");
    boolean ascending = sort.equals("date-posted-asc") || sort.equals("date-taken-asc");
    // Entries are numbered in id order (the seal ids are above the general ones): ties go by id.
    int[] order;
    if (!byTaken) {
      // Both corpora are in upload order already: merge the two runs.
      int split = 0;
      while (split < count && found[split] < general) split++;
      order = new int[count];
      int a = 0;
      int b = split;
      for (int k = 0; k < count; k++) {
        boolean takeA =
            b >= count
                || (a < split
                    && photos.get(found[a]).dateUpload() <= seal.uploaded[found[b] - general]);
        order[k] = takeA ? found[a++] : found[b++];
      }
    } else {
      Integer[] boxed = new Integer[count];
      for (int k = 0; k < count; k++) boxed[k] = found[k];
      Comparator<Integer> byDate =
          Comparator.comparingLong(
              (Integer e) ->
                  e < general
                      ? photos.get(e).dateTaken().toEpochSecond(ZoneOffset.UTC)
                      : seal.taken[e - general]);
      Arrays.sort(boxed, byDate.thenComparingInt(e -> e));
      order = new int[count];
      for (int k = 0; k < count; k++) order[k] = boxed[k];
    }
    if (!ascending) {
      for (int i = 0, j = count - 1; i < j; i++, j--) {
        int t = order[i];
        order[i] = order[j];
        order[j] = t;
      }
    }
    return new Found(order, general, seal);
  }

  /** A search's result: entries in order, photos made when read. */
  private final class Found extends AbstractList<Photo> implements RandomAccess {
    private final int[] order;
    private final int general;
    private final SealCorpus seal;

    Found(int[] order, int general, SealCorpus seal) {
      this.order = order;
      this.general = general;
      this.seal = seal;
    }

    @Override
    public Photo get(int index) {
      int e = order[index];
      return e < general ? photos.get(e) : seal.photo(e - general);
    }

    @Override
    public int size() {
      return order.length;
    }
  }

  /** The inclusive range of a date filter pair, in seconds; unbounded where not given. */
  private record DateRange(long min, long max) {
    static DateRange of(String min, String max) {
      Long from = seconds(min);
      Long to = seconds(max);
      return new DateRange(from == null ? Long.MIN_VALUE : from, to == null ? Long.MAX_VALUE : to);
    }

    boolean contains(long second) {
      return second >= min && second <= max;
    }

    private static final Pattern DIGITS = Pattern.compile("-?\\d{1,12}");

    /** A Unix timestamp, or a MySQL datetime (or date) read as UTC; null if neither. */
    static Long seconds(String value) {
      if (value == null || value.isEmpty()) return null;
      if (DIGITS.matcher(value).matches()) return Long.parseLong(value);
      String text = value.length() == 10 ? value + " 00:00:00" : value;
      try {
        return LocalDateTime.parse(text.replace(' ', 'T')).toEpochSecond(ZoneOffset.UTC);
      } catch (java.time.format.DateTimeParseException e) {
        return null;
      }
    }
  }

  /** The text, tag and owner criteria of a search. */
  private static final class Criteria {
    private final List<String> required = new ArrayList<>();
    private final List<String> excluded = new ArrayList<>();
    private final List<String> tagList = new ArrayList<>();
    private final boolean allTags;
    private final String ownerNsid;

    Criteria(String text, String tags, String tagMode, String ownerNsid) {
      if (text != null) {
        for (String word : tokenize(text)) {
          if (word.startsWith("-") && word.length() > 1) {
            excluded.add(word.substring(1));
          } else if (!word.equals("-")) {
            required.add(word);
          }
        }
      }
      if (tags != null) {
        for (String tag : tags.split(",")) {
          String t = tag.trim().toLowerCase(Locale.ROOT).replace(" ", "");
          if (!t.isEmpty()) tagList.add(t);
        }
      }
      this.allTags = "all".equalsIgnoreCase(tagMode);
      this.ownerNsid = ownerNsid;
    }

    boolean matches(String owner, Set<String> words, List<String> photoTags) {
      if (ownerNsid != null && !owner.equals(ownerNsid)) return false;
      if (!words.containsAll(required)) return false;
      for (String word : excluded) if (words.contains(word)) return false;
      if (!tagList.isEmpty()) {
        boolean match = allTags;
        for (String t : tagList) {
          boolean has = photoTags.contains(t);
          match = allTags ? match && has : match || has;
        }
        return match;
      }
      return true;
    }
  }

  private static final Pattern WORD_BREAK = Pattern.compile("[\\s,.;:!?\"()]+");

  static List<String> tokenize(String text) {
    List<String> out = new ArrayList<>();
    for (String word : WORD_BREAK.split(text.toLowerCase(Locale.ROOT))) {
      if (!word.isEmpty()) out.add(word);
    }
    return out;
  }

  private static List<Photo> shuffled(List<Photo> from, int count, Random random) {
    List<Photo> copy = new ArrayList<>(from);
    Collections.shuffle(copy, random);
    return List.copyOf(copy.subList(0, count));
  }

  private static String capitalize(String s) {
    return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
  }

  private static String capitalizeWords(String s) {
    StringBuilder out = new StringBuilder();
    for (String word : s.split(" ")) {
      if (out.length() > 0) out.append(' ');
      out.append(capitalize(word));
    }
    return out.toString();
  }

  /**
   * A Flickr user.
   *
   * @param nsid the user's id, such as {@code 71234567@N00}
   * @param username the screen name
   * @param fullname the real name
   */
  public record User(String nsid, String username, String fullname) {}

  /**
   * A public photo.
   *
   * @param id the photo id
   * @param owner the owner's NSID
   * @param secret the secret of its image URLs
   * @param server the server of its image URLs
   * @param farm the farm of its image URLs
   * @param title the title, possibly empty
   * @param description the description
   * @param tags the tags, normalised as Flickr does (lower case, no spaces)
   * @param dateUpload the upload time, in seconds since the epoch
   * @param dateTaken the time the photo was taken, in the camera's time (no zone, as on Flickr)
   */
  public record Photo(
      String id,
      String owner,
      String secret,
      String server,
      int farm,
      String title,
      String description,
      List<String> tags,
      long dateUpload,
      LocalDateTime dateTaken) {

    /** Copies the tags. */
    public Photo {
      tags = List.copyOf(tags);
      if (dateTaken == null) throw new NullPointerException("dateTaken == null");
    }

    /** A photo taken when it was uploaded (read as UTC), as Flickr dates one without EXIF. */
    public Photo(
        String id,
        String owner,
        String secret,
        String server,
        int farm,
        String title,
        String description,
        List<String> tags,
        long dateUpload) {
      this(
          id,
          owner,
          secret,
          server,
          farm,
          title,
          description,
          tags,
          dateUpload,
          LocalDateTime.ofEpochSecond(dateUpload, 0, ZoneOffset.UTC));
    }

    /** The words a text search matches: those of the title, the description and the tags. */
    Set<String> words() {
      Set<String> words = new HashSet<>(tokenize(title));
      words.addAll(tokenize(description));
      words.addAll(tags);
      return words;
    }
  }

  /**
   * A photoset (an album).
   *
   * @param id the photoset id
   * @param owner the owner's NSID
   * @param title the title
   * @param description the description
   * @param photos the photos, in the album's order
   */
  public record Photoset(
      String id, String owner, String title, String description, List<Photo> photos) {

    /** Copies the photos. */
    public Photoset {
      photos = List.copyOf(photos);
    }

    /** The id of the cover photo, or {@code "0"} for an empty set (as Flickr sends it). */
    public String primary() {
      return photos.isEmpty() ? "0" : photos.get(0).id();
    }
  }
}
