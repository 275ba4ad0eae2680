package dev.oksign.flickr.internal;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import dev.oksign.flickr.Perms;
import dev.oksign.flickr.Photo;
import dev.oksign.flickr.PhotoPage;
import dev.oksign.flickr.Photoset;
import dev.oksign.flickr.PhotosetList;
import dev.oksign.flickr.PhotosetPage;
import dev.oksign.flickr.TokenCheck;
import dev.oksign.flickr.UploadTicket;
import dev.oksign.flickr.User;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Hand-written, reflection-free Moshi adapters for Flickr's models. Each reads every form Flickr
 * sends for a field (see {@link Lenient}) and skips members it does not know. The models are read
 * only: writing one throws.
 */
public final class FlickrJsonAdapters {
  private FlickrJsonAdapters() {}

  /** Returns the adapter of each Flickr model type. */
  public static final JsonAdapter.Factory FACTORY =
      new JsonAdapter.Factory() {
        @Override
        public JsonAdapter<?> create(
            Type type, Set<? extends Annotation> annotations, Moshi moshi) {
          if (!annotations.isEmpty()) return null;
          if (type == Photo.class) return PHOTO;
          if (type == PhotoPage.class) return PHOTO_PAGE;
          if (type == PhotosetPage.class) return PHOTOSET_PAGE;
          if (type == Photoset.class) return PHOTOSET;
          if (type == PhotosetList.class) return PHOTOSET_LIST;
          if (type == User.class) return USER;
          if (type == TokenCheck.class) return TOKEN_CHECK;
          if (Types.equals(type, UPLOAD_TICKET_LIST)) return UPLOAD_TICKETS;
          return null;
        }
      };

  /**
   * The member of Flickr's envelope that holds a model of this package ({@code photos} in {@code
   * {"photos":{...},"stat":"ok"}} for a {@link PhotoPage}), or null for any other type.
   */
  public static String member(Type type) {
    if (type == Photo.class) return Wire.PHOTO;
    if (type == PhotoPage.class) return Wire.PHOTOS;
    if (type == PhotosetPage.class || type == Photoset.class) return Wire.PHOTOSET;
    if (type == PhotosetList.class) return Wire.PHOTOSETS;
    if (type == User.class) return Wire.USER;
    if (type == TokenCheck.class) return Wire.OAUTH;
    if (Types.equals(type, UPLOAD_TICKET_LIST)) return Wire.UPLOADER;
    return null;
  }

  abstract static class ReadOnly<T> extends JsonAdapter<T> {
    private final String name;

    ReadOnly(String name) {
      this.name = name;
    }

    @Override
    public final void toJson(JsonWriter writer, T value) {
      throw new UnsupportedOperationException(name + " is read from Flickr's answers only");
    }

    @Override
    public String toString() {
      return "FlickrJsonAdapter(" + name + ")";
    }
  }

  static final JsonAdapter<Photo> PHOTO =
      new ReadOnly<Photo>("Photo") {
        @Override
        public Photo fromJson(JsonReader reader) throws IOException {
          return readPhoto(reader);
        }
      }.nullSafe();

  static Photo readPhoto(JsonReader reader) throws IOException {
    String id = null;
    String owner = null;
    String secret = null;
    String server = null;
    int farm = 0;
    String title = "";
    boolean isPublic = false;
    boolean isFriend = false;
    boolean isFamily = false;
    Map<String, String> extras = new LinkedHashMap<>();
    String path = reader.getPath();
    reader.beginObject();
    while (reader.hasNext()) {
      String name = reader.nextName();
      switch (name) {
        case Wire.ID -> id = Lenient.readString(reader);
        case Wire.OWNER -> owner = Lenient.readString(reader);
        case Wire.SECRET -> secret = Lenient.readString(reader);
        case Wire.SERVER -> server = Lenient.readString(reader);
        case Wire.FARM -> farm = Lenient.readInt(reader, 0);
        case Wire.TITLE -> title = orEmpty(Lenient.readString(reader));
        case Wire.ISPUBLIC -> isPublic = Lenient.readBoolean(reader);
        case Wire.ISFRIEND -> isFriend = Lenient.readBoolean(reader);
        case Wire.ISFAMILY -> isFamily = Lenient.readBoolean(reader);
        default -> {
          String value = Lenient.readScalarOrSkip(reader);
          if (value != null) extras.put(name, value);
        }
      }
    }
    reader.endObject();
    if (id == null) throw new JsonDataException("photo without id at " + path);
    return new Photo(id, owner, secret, server, farm, title, isPublic, isFriend, isFamily, extras);
  }

  static final JsonAdapter<PhotoPage> PHOTO_PAGE =
      new ReadOnly<PhotoPage>("PhotoPage") {
        @Override
        public PhotoPage fromJson(JsonReader reader) throws IOException {
          Paged paged = new Paged();
          List<Photo> photos = new ArrayList<>();
          reader.beginObject();
          while (reader.hasNext()) {
            String name = reader.nextName();
            if (paged.read(name, reader)) continue;
            if (name.equals(Wire.PHOTO)) {
              readPhotos(reader, photos);
            } else {
              reader.skipValue();
            }
          }
          reader.endObject();
          return new PhotoPage(paged.page, paged.pages, paged.perPage, paged.total, photos);
        }
      }.nullSafe();

  static final JsonAdapter<PhotosetPage> PHOTOSET_PAGE =
      new ReadOnly<PhotosetPage>("PhotosetPage") {
        @Override
        public PhotosetPage fromJson(JsonReader reader) throws IOException {
          Paged paged = new Paged();
          List<Photo> photos = new ArrayList<>();
          String id = null;
          String owner = null;
          String ownerName = null;
          String title = "";
          String primary = null;
          reader.beginObject();
          while (reader.hasNext()) {
            String name = reader.nextName();
            if (paged.read(name, reader)) continue;
            switch (name) {
              case Wire.PHOTO -> readPhotos(reader, photos);
              case Wire.ID -> id = Lenient.readString(reader);
              case Wire.OWNER -> owner = Lenient.readString(reader);
              case Wire.OWNERNAME -> ownerName = Lenient.readString(reader);
              case Wire.TITLE -> title = orEmpty(Lenient.readString(reader));
              case Wire.PRIMARY -> primary = Lenient.readString(reader);
              default -> reader.skipValue();
            }
          }
          reader.endObject();
          if (owner != null) {
            // A set's photos leave out their owner: it is the set's.
            for (int i = 0; i < photos.size(); i++) {
              Photo p = photos.get(i);
              if (p.owner() == null) {
                photos.set(
                    i,
                    new Photo(
                        p.id(),
                        owner,
                        p.secret(),
                        p.server(),
                        p.farm(),
                        p.title(),
                        p.isPublic(),
                        p.isFriend(),
                        p.isFamily(),
                        p.extras()));
              }
            }
          }
          return new PhotosetPage(
              id,
              owner,
              ownerName,
              title,
              primary,
              paged.page,
              paged.pages,
              paged.perPage,
              paged.total,
              photos);
        }
      }.nullSafe();

  static final JsonAdapter<Photoset> PHOTOSET =
      new ReadOnly<Photoset>("Photoset") {
        @Override
        public Photoset fromJson(JsonReader reader) throws IOException {
          return readPhotoset(reader);
        }
      }.nullSafe();

  static Photoset readPhotoset(JsonReader reader) throws IOException {
    String id = null;
    String owner = null;
    String username = null;
    String title = "";
    String description = "";
    String primary = null;
    String secret = null;
    String server = null;
    int farm = 0;
    int photos = 0;
    int videos = 0;
    long views = 0;
    Instant created = null;
    Instant updated = null;
    String path = reader.getPath();
    reader.beginObject();
    while (reader.hasNext()) {
      switch (reader.nextName()) {
        case Wire.ID -> id = Lenient.readString(reader);
        case Wire.OWNER -> owner = Lenient.readString(reader);
        case Wire.USERNAME -> username = Lenient.readString(reader);
        case Wire.TITLE -> title = orEmpty(Lenient.readString(reader));
        case Wire.DESCRIPTION -> description = orEmpty(Lenient.readString(reader));
        case Wire.PRIMARY -> primary = Lenient.readString(reader);
        case Wire.SECRET -> secret = Lenient.readString(reader);
        case Wire.SERVER -> server = Lenient.readString(reader);
        case Wire.FARM -> farm = Lenient.readInt(reader, 0);
        case Wire.PHOTOS, Wire.COUNT_PHOTOS -> photos = Lenient.readInt(reader, photos);
        case Wire.VIDEOS, Wire.COUNT_VIDEOS -> videos = Lenient.readInt(reader, videos);
        case Wire.COUNT_VIEWS -> views = Lenient.readLong(reader, 0);
        case Wire.DATE_CREATE -> created = epochSeconds(Lenient.readLong(reader, -1));
        case Wire.DATE_UPDATE -> updated = epochSeconds(Lenient.readLong(reader, -1));
        default -> reader.skipValue();
      }
    }
    reader.endObject();
    if (id == null) throw new JsonDataException("photoset without id at " + path);
    return new Photoset(
        id,
        owner,
        username,
        title,
        description,
        primary,
        secret,
        server,
        farm,
        photos,
        videos,
        views,
        created,
        updated);
  }

  static final JsonAdapter<PhotosetList> PHOTOSET_LIST =
      new ReadOnly<PhotosetList>("PhotosetList") {
        @Override
        public PhotosetList fromJson(JsonReader reader) throws IOException {
          Paged paged = new Paged();
          List<Photoset> sets = new ArrayList<>();
          reader.beginObject();
          while (reader.hasNext()) {
            String name = reader.nextName();
            if (paged.read(name, reader)) continue;
            if (name.equals(Wire.PHOTOSET)) {
              reader.beginArray();
              while (reader.hasNext()) sets.add(readPhotoset(reader));
              reader.endArray();
            } else {
              reader.skipValue();
            }
          }
          reader.endObject();
          return new PhotosetList(paged.page, paged.pages, paged.perPage, paged.total, sets);
        }
      }.nullSafe();

  static final JsonAdapter<User> USER =
      new ReadOnly<User>("User") {
        @Override
        public User fromJson(JsonReader reader) throws IOException {
          String id = null;
          String username = null;
          reader.beginObject();
          while (reader.hasNext()) {
            switch (reader.nextName()) {
              case Wire.ID, Wire.NSID -> id = Lenient.readString(reader);
              case Wire.USERNAME -> username = Lenient.readString(reader);
              default -> reader.skipValue();
            }
          }
          reader.endObject();
          return new User(id, username);
        }
      }.nullSafe();

  static final JsonAdapter<TokenCheck> TOKEN_CHECK =
      new ReadOnly<TokenCheck>("TokenCheck") {
        @Override
        public TokenCheck fromJson(JsonReader reader) throws IOException {
          String token = null;
          Perms perms = null;
          String nsid = null;
          String username = null;
          String fullname = null;
          reader.beginObject();
          while (reader.hasNext()) {
            switch (reader.nextName()) {
              case Wire.TOKEN -> token = Lenient.readString(reader);
              case Wire.PERMS -> perms = Perms.of(Lenient.readString(reader));
              case Wire.USER -> {
                reader.beginObject();
                while (reader.hasNext()) {
                  switch (reader.nextName()) {
                    case Wire.NSID -> nsid = Lenient.readString(reader);
                    case Wire.USERNAME -> username = Lenient.readString(reader);
                    case Wire.FULLNAME -> fullname = Lenient.readString(reader);
                    default -> reader.skipValue();
                  }
                }
                reader.endObject();
              }
              default -> reader.skipValue();
            }
          }
          reader.endObject();
          return new TokenCheck(token, perms, nsid, username, fullname);
        }
      }.nullSafe();

  private static final Type UPLOAD_TICKET_LIST =
      Types.newParameterizedType(List.class, UploadTicket.class);

  /**
   * {@code flickr.photos.upload.checkTickets}: {@code {"ticket":[{"id":"1","complete":1,
   * "photoid":"2"},{"id":"3","invalid":1}]}}, {@code complete} being 0 (pending), 1 or 2 (failed).
   */
  static final JsonAdapter<List<UploadTicket>> UPLOAD_TICKETS =
      new ReadOnly<List<UploadTicket>>("UploadTickets") {
        @Override
        public List<UploadTicket> fromJson(JsonReader reader) throws IOException {
          List<UploadTicket> tickets = new ArrayList<>();
          reader.beginObject();
          while (reader.hasNext()) {
            if (!reader.nextName().equals(Wire.TICKET)) {
              reader.skipValue();
              continue;
            }
            reader.beginArray();
            while (reader.hasNext()) tickets.add(readTicket(reader));
            reader.endArray();
          }
          reader.endObject();
          return tickets;
        }
      }.nullSafe();

  private static UploadTicket readTicket(JsonReader reader) throws IOException {
    String id = null;
    String photoId = null;
    int complete = 0;
    boolean invalid = false;
    reader.beginObject();
    while (reader.hasNext()) {
      switch (reader.nextName()) {
        case Wire.ID -> id = Lenient.readString(reader);
        case UploadWire.PHOTOID -> photoId = Lenient.readString(reader);
        case Wire.COMPLETE -> complete = Lenient.readInt(reader, 0);
        case Wire.INVALID -> invalid = Lenient.readInt(reader, 0) != 0;
        default -> reader.skipValue();
      }
    }
    reader.endObject();
    UploadTicket.Status status =
        invalid
            ? UploadTicket.Status.INVALID
            : complete == 1
                ? UploadTicket.Status.COMPLETE
                : complete == 2 ? UploadTicket.Status.FAILED : UploadTicket.Status.PENDING;
    return new UploadTicket(id, status, status == UploadTicket.Status.COMPLETE ? photoId : null);
  }

  /** The paging fields every paged list carries, in either spelling. */
  static final class Paged {
    int page = 1;
    int pages = 0;
    int perPage = 0;
    long total = 0;

    boolean read(String name, JsonReader reader) throws IOException {
      switch (name) {
        case Wire.PAGE -> page = Lenient.readInt(reader, 1);
        case Wire.PAGES -> pages = Lenient.readInt(reader, 0);
        case Wire.PERPAGE, Wire.PER_PAGE -> perPage = Lenient.readInt(reader, perPage);
        case Wire.TOTAL -> total = Lenient.readLong(reader, 0);
        default -> {
          return false;
        }
      }
      return true;
    }
  }

  static void readPhotos(JsonReader reader, List<Photo> into) throws IOException {
    reader.beginArray();
    while (reader.hasNext()) into.add(readPhoto(reader));
    reader.endArray();
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }

  private static Instant epochSeconds(long seconds) {
    return seconds <= 0 ? null : Instant.ofEpochSecond(seconds);
  }
}
