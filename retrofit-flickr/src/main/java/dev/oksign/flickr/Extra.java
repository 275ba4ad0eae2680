package dev.oksign.flickr;

import java.util.Locale;

/**
 * An extra field to ask Flickr for with each photo of a list ({@code extras=...}). Pass a set of
 * them as {@link Extras}; read the values back with {@link Photo#extra(Extra)}.
 */
public enum Extra {
  /** {@code description}. */
  DESCRIPTION("description"),
  /** {@code license}. */
  LICENSE("license"),
  /** {@code date_upload}, answered as {@code dateupload} (Unix seconds). */
  DATE_UPLOAD("date_upload", "dateupload"),
  /** {@code date_taken}, answered as {@code datetaken}. */
  DATE_TAKEN("date_taken", "datetaken"),
  /** {@code owner_name}, answered as {@code ownername}. */
  OWNER_NAME("owner_name", "ownername"),
  /** {@code icon_server}, answered as {@code iconserver}. */
  ICON_SERVER("icon_server", "iconserver"),
  /** {@code original_format}, answered as {@code originalsecret} and {@code originalformat}. */
  ORIGINAL_FORMAT("original_format", "originalformat"),
  /** {@code last_update}, answered as {@code lastupdate}. */
  LAST_UPDATE("last_update", "lastupdate"),
  /** {@code geo}: {@code latitude}, {@code longitude}, {@code accuracy}. */
  GEO("geo", "latitude"),
  /** {@code tags}: space-separated. */
  TAGS("tags"),
  /** {@code machine_tags}, answered as {@code machine_tags}. */
  MACHINE_TAGS("machine_tags"),
  /** {@code o_dims}: {@code o_width}, {@code o_height}. */
  O_DIMS("o_dims", "o_width"),
  /** {@code views}. */
  VIEWS("views"),
  /** {@code media}: {@code photo} or {@code video}. */
  MEDIA("media"),
  /** {@code path_alias}. */
  PATH_ALIAS("path_alias"),
  /** {@code url_sq}: 75×75 square. */
  URL_SQ("url_sq"),
  /** {@code url_q}: 150×150 square. */
  URL_Q("url_q"),
  /** {@code url_t}: thumbnail. */
  URL_T("url_t"),
  /** {@code url_s}: small 240. */
  URL_S("url_s"),
  /** {@code url_n}: small 320. */
  URL_N("url_n"),
  /** {@code url_w}: small 400. */
  URL_W("url_w"),
  /** {@code url_m}: medium 500. */
  URL_M("url_m"),
  /** {@code url_z}: medium 640. */
  URL_Z("url_z"),
  /** {@code url_c}: medium 800. */
  URL_C("url_c"),
  /** {@code url_l}: large 1024. */
  URL_L("url_l"),
  /** {@code url_h}: large 1600. */
  URL_H("url_h"),
  /** {@code url_k}: large 2048. */
  URL_K("url_k"),
  /** {@code url_o}: original. */
  URL_O("url_o");

  private final String wireName;
  private final String field;

  Extra(String wireName) {
    this(wireName, wireName);
  }

  Extra(String wireName, String field) {
    this.wireName = wireName;
    this.field = field;
  }

  /** The name in the {@code extras} parameter, such as {@code date_upload}. */
  public String wireName() {
    return wireName;
  }

  /** The JSON field of a photo that carries the value, such as {@code dateupload}. */
  public String field() {
    return field;
  }

  /** Returns the extra named {@code wireName} (case-insensitive), or null. */
  public static Extra of(String wireName) {
    String name = wireName.toLowerCase(Locale.ROOT);
    for (Extra extra : values()) {
      if (extra.wireName.equals(name)) return extra;
    }
    return null;
  }
}
