package dev.oksign.flickr.internal;

/**
 * Every wire name of Flickr's upload API in one place: the multipart field names of {@code upload/}
 * and {@code replace/}, and the elements and attributes of their XML answer.
 */
public final class UploadWire {
  private UploadWire() {}

  // Endpoints, relative to the upload base URL.
  public static final String UPLOAD_PATH = "upload/";
  public static final String REPLACE_PATH = "replace/";

  // Multipart fields.
  public static final String PHOTO = "photo";
  public static final String PHOTO_ID = "photo_id";
  public static final String TITLE = "title";
  public static final String DESCRIPTION = "description";
  public static final String TAGS = "tags";
  public static final String IS_PUBLIC = "is_public";
  public static final String IS_FRIEND = "is_friend";
  public static final String IS_FAMILY = "is_family";
  public static final String SAFETY_LEVEL = "safety_level";
  public static final String CONTENT_TYPE = "content_type";
  public static final String HIDDEN = "hidden";
  public static final String ASYNC = "async";

  // The XML answer.
  public static final String RSP = "rsp";
  public static final String STAT = "stat";
  public static final String STAT_OK = "ok";
  public static final String STAT_FAIL = "fail";
  public static final String ERR = "err";
  public static final String CODE = "code";
  public static final String MSG = "msg";
  public static final String PHOTOID = "photoid";
  public static final String TICKETID = "ticketid";
  public static final String SECRET = "secret";
  public static final String ORIGINAL_SECRET = "originalsecret";
}
