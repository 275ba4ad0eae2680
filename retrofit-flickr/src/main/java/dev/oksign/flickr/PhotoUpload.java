package dev.oksign.flickr;

import dev.oksign.flickr.internal.Api26;
import dev.oksign.flickr.internal.UploadWire;
import java.io.File;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import okhttp3.MediaType;

/**
 * A photo (or video) to send with {@link FlickrUploads#upload(PhotoUpload)} or {@link
 * FlickrUploads#replace(String, PhotoUpload)}, with the optional fields Flickr's upload API
 * documents. Immutable.
 *
 * <pre>{@code
 * PhotoUpload upload = PhotoUpload.builder(Path.of("harbour.jpg"))
 *     .title("Harbour at dawn")
 *     .tags("harbour", "dawn", "north sea")      // "north sea" is sent quoted, as one tag
 *     .isPublic(false).isFamily(true)
 *     .build();
 * }</pre>
 *
 * <p>The photo comes from a file, a byte array or a stream of known length. It is streamed in
 * chunks of 8 KiB while the request is written, never read whole into memory; a file or a byte
 * array can be sent again (a retry), a stream only once.
 *
 * <p>{@link #fields()} is the one list of text fields: the request's multipart text parts are
 * written from it, and the same list is added to the OAuth signature, so the two cannot disagree.
 * The photo itself is never signed, as Flickr requires.
 */
public final class PhotoUpload {
  final PhotoSource source;
  private final String fileName;
  private final MediaType mediaType;
  private final List<Map.Entry<String, String>> fields;
  private final boolean async;
  private final UploadProgressListener progressListener;
  private final Builder builder;

  private PhotoUpload(Builder builder) {
    this.source = builder.source;
    this.fileName = builder.fileName;
    this.mediaType = builder.mediaType != null ? builder.mediaType : guessMediaType(fileName);
    this.async = builder.async;
    this.progressListener = builder.progressListener;
    List<Map.Entry<String, String>> list = new ArrayList<>();
    add(list, UploadWire.TITLE, builder.title);
    add(list, UploadWire.DESCRIPTION, builder.description);
    if (!builder.tags.isEmpty()) add(list, UploadWire.TAGS, String.join(" ", builder.tags));
    add(list, UploadWire.IS_PUBLIC, flag(builder.isPublic));
    add(list, UploadWire.IS_FRIEND, flag(builder.isFriend));
    add(list, UploadWire.IS_FAMILY, flag(builder.isFamily));
    if (builder.safetyLevel != null) {
      add(list, UploadWire.SAFETY_LEVEL, Integer.toString(builder.safetyLevel.code));
    }
    if (builder.contentType != null) {
      add(list, UploadWire.CONTENT_TYPE, Integer.toString(builder.contentType.code));
    }
    if (builder.hidden != null) add(list, UploadWire.HIDDEN, builder.hidden ? "2" : "1");
    if (async) add(list, UploadWire.ASYNC, "1");
    this.fields = Collections.unmodifiableList(list);
    this.builder = new Builder(builder);
  }

  /** Returns a builder of an upload of the file at {@code photo}, named after it. */
  public static Builder builder(Path photo) {
    if (photo == null) throw new NullPointerException("photo == null");
    Path name = photo.getFileName();
    return new Builder(PhotoSource.file(photo), name == null ? photo.toString() : name.toString());
  }

  /** Returns a builder of an upload of the file {@code photo}, named after it. */
  public static Builder builder(File photo) {
    if (photo == null) throw new NullPointerException("photo == null");
    return new Builder(PhotoSource.file(photo.toPath()), photo.getName());
  }

  /**
   * Returns a builder of an upload of {@code photo}, sent as a file named {@code fileName}. The
   * array is not copied: leave it unchanged until the call has completed.
   */
  public static Builder builder(byte[] photo, String fileName) {
    if (photo == null) throw new NullPointerException("photo == null");
    if (photo.length == 0) throw new IllegalArgumentException("photo is empty (0 bytes)");
    return new Builder(PhotoSource.bytes(photo), fileName);
  }

  /**
   * Returns a builder of an upload of the next {@code length} bytes of {@code photo}, sent as a
   * file named {@code fileName}. Exactly {@code length} bytes are read while the request is
   * written, in chunks; the stream is closed then. Such an upload can be sent only once: OkHttp
   * does not retry it on another connection.
   */
  public static Builder builder(InputStream photo, long length, String fileName) {
    if (photo == null) throw new NullPointerException("photo == null");
    if (length <= 0) throw new IllegalArgumentException("length <= 0: " + length);
    return new Builder(PhotoSource.stream(photo, length), fileName);
  }

  /** Returns a builder holding this upload, to make a variant. */
  public Builder newBuilder() {
    return new Builder(builder);
  }

  /**
   * The text fields, in the order they are sent, each exactly as sent and signed: {@code title},
   * {@code description}, {@code tags}, {@code is_public}, {@code is_friend}, {@code is_family},
   * {@code safety_level}, {@code content_type}, {@code hidden}, {@code async}; only those set.
   */
  public List<Map.Entry<String, String>> fields() {
    return fields;
  }

  /** True if Flickr is asked to answer at once with a ticket ({@code async=1}). */
  public boolean async() {
    return async;
  }

  /** The file name sent in the photo part's {@code Content-Disposition}. */
  public String fileName() {
    return fileName;
  }

  /** The photo part's {@code Content-Type}. */
  public MediaType mediaType() {
    return mediaType;
  }

  /** The progress listener, or null. */
  public UploadProgressListener progressListener() {
    return progressListener;
  }

  /** The file name and the field names; field values can be private and are left out. */
  @Override
  public String toString() {
    return "PhotoUpload["
        + fileName
        + ", "
        + mediaType
        + ", fields="
        + fields.stream().map(Map.Entry::getKey).collect(Collectors.toList())
        + "]";
  }

  private static void add(List<Map.Entry<String, String>> list, String name, String value) {
    if (value != null) list.add(new AbstractMap.SimpleImmutableEntry<>(name, value));
  }

  private static String flag(Boolean value) {
    return value == null ? null : value ? "1" : "0";
  }

  static MediaType guessMediaType(String fileName) {
    int dot = fileName.lastIndexOf('.');
    String extension = dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    String type =
        switch (extension) {
          case "jpg", "jpeg", "jpe" -> "image/jpeg";
          case "png" -> "image/png";
          case "gif" -> "image/gif";
          case "tif", "tiff" -> "image/tiff";
          case "webp" -> "image/webp";
          case "heic" -> "image/heic";
          case "mp4", "m4v" -> "video/mp4";
          case "mov" -> "video/quicktime";
          case "avi" -> "video/x-msvideo";
          default -> "application/octet-stream";
        };
    return MediaType.get(type);
  }

  /** {@code safety_level}: how Flickr's SafeSearch filters the photo. */
  public enum SafetyLevel {
    /** 1: safe. */
    SAFE(1),
    /** 2: moderate. */
    MODERATE(2),
    /** 3: restricted. */
    RESTRICTED(3);

    final int code;

    SafetyLevel(int code) {
      this.code = code;
    }
  }

  /** {@code content_type}: what the upload is. */
  public enum ContentType {
    /** 1: a photo. */
    PHOTO(1),
    /** 2: a screenshot. */
    SCREENSHOT(2),
    /** 3: other (art, illustration, CGI). */
    OTHER(3);

    final int code;

    ContentType(int code) {
      this.code = code;
    }
  }

  /** Builds a {@link PhotoUpload}. Unset fields are not sent, and Flickr's defaults apply. */
  public static final class Builder {
    private final PhotoSource source;
    private final String fileName;
    private MediaType mediaType;
    private String title;
    private String description;
    private final List<String> tags = new ArrayList<>();
    private Boolean isPublic;
    private Boolean isFriend;
    private Boolean isFamily;
    private SafetyLevel safetyLevel;
    private ContentType contentType;
    private Boolean hidden;
    private boolean async;
    private UploadProgressListener progressListener;

    Builder(PhotoSource source, String fileName) {
      if (fileName == null) throw new NullPointerException("fileName == null");
      if (Api26.isBlank(fileName)) throw new IllegalArgumentException("fileName is blank");
      this.source = source;
      this.fileName = fileName;
    }

    Builder(Builder b) {
      this.source = b.source;
      this.fileName = b.fileName;
      this.mediaType = b.mediaType;
      this.title = b.title;
      this.description = b.description;
      this.tags.addAll(b.tags);
      this.isPublic = b.isPublic;
      this.isFriend = b.isFriend;
      this.isFamily = b.isFamily;
      this.safetyLevel = b.safetyLevel;
      this.contentType = b.contentType;
      this.hidden = b.hidden;
      this.async = b.async;
      this.progressListener = b.progressListener;
    }

    /**
     * The photo part's {@code Content-Type}; by default guessed from the file name's extension
     * ({@code image/jpeg} for {@code .jpg}), else {@code application/octet-stream}.
     */
    public Builder mediaType(MediaType mediaType) {
      this.mediaType = mediaType;
      return this;
    }

    /** {@code title}; null for none. */
    public Builder title(String title) {
      this.title = title;
      return this;
    }

    /** {@code description}, which may hold HTML; null for none. */
    public Builder description(String description) {
      this.description = description;
      return this;
    }

    /**
     * {@code tags}, replacing any set before. A tag with white space in it is sent in double
     * quotes, as Flickr reads a multi-word tag.
     *
     * @throws IllegalArgumentException if a tag is blank or holds a double quote
     */
    public Builder tags(String... tags) {
      return tags(Arrays.asList(tags));
    }

    /** {@code tags}, replacing any set before; see {@link #tags(String...)}. */
    public Builder tags(Collection<String> tags) {
      List<String> quoted = new ArrayList<>(tags.size());
      for (String tag : tags) {
        if (tag == null) throw new NullPointerException("tags has a null");
        String trimmed = Api26.strip(tag);
        if (trimmed.isEmpty()) throw new IllegalArgumentException("tags has a blank tag");
        if (trimmed.indexOf('"') >= 0) {
          throw new IllegalArgumentException(
              "tag has a double quote, which Flickr cannot take: " + tag);
        }
        boolean space = false;
        for (int i = 0; i < trimmed.length(); i++)
          space |= Character.isWhitespace(trimmed.charAt(i));
        quoted.add(space ? '"' + trimmed + '"' : trimmed);
      }
      this.tags.clear();
      this.tags.addAll(quoted);
      return this;
    }

    /** {@code is_public}: visible to everyone. */
    public Builder isPublic(boolean isPublic) {
      this.isPublic = isPublic;
      return this;
    }

    /** {@code is_friend}: visible to the user's friends (for a photo that is not public). */
    public Builder isFriend(boolean isFriend) {
      this.isFriend = isFriend;
      return this;
    }

    /** {@code is_family}: visible to the user's family (for a photo that is not public). */
    public Builder isFamily(boolean isFamily) {
      this.isFamily = isFamily;
      return this;
    }

    /** {@code safety_level}; null for the user's default. */
    public Builder safetyLevel(SafetyLevel safetyLevel) {
      this.safetyLevel = safetyLevel;
      return this;
    }

    /** {@code content_type}; null for the user's default. */
    public Builder contentType(ContentType contentType) {
      this.contentType = contentType;
      return this;
    }

    /**
     * {@code hidden}: true to hide the photo from public searches ({@code 2}), false to keep it in
     * them ({@code 1}).
     */
    public Builder hidden(boolean hidden) {
      this.hidden = hidden;
      return this;
    }

    /**
     * {@code async}: true to have Flickr answer at once with a ticket id and process the photo
     * afterwards; false (the default) to wait for the photo id.
     */
    public Builder async(boolean async) {
      this.async = async;
      return this;
    }

    /** Told the bytes sent as the photo is written; null for none. */
    public Builder progressListener(UploadProgressListener progressListener) {
      this.progressListener = progressListener;
      return this;
    }

    /**
     * Returns the upload.
     *
     * @throws IllegalArgumentException if the photo is a file that does not exist or is a directory
     */
    public PhotoUpload build() {
      if (source.path != null && !Files.isRegularFile(source.path)) {
        throw new IllegalArgumentException("photo is not a regular file: " + source.path);
      }
      return new PhotoUpload(this);
    }
  }
}
