package dev.oksign.flickr;

import java.util.Locale;

/** The permission a user grants an application at Flickr's authorization page ({@code perms}). */
public enum Perms {
  /** Read private information. */
  READ,
  /** Add, edit and replace photos and their information (includes read). */
  WRITE,
  /** Delete photos (includes write and read). */
  DELETE;

  /** The wire form: {@code read}, {@code write} or {@code delete}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Returns the permission named {@code wireName} (case-insensitive), or null if unknown. */
  public static Perms of(String wireName) {
    if (wireName == null) return null;
    for (Perms perms : values()) {
      if (perms.wireName().equalsIgnoreCase(wireName.trim())) return perms;
    }
    return null;
  }
}
