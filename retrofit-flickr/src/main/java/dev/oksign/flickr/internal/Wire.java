package dev.oksign.flickr.internal;

/** Every Flickr wire name used by this module, in one place: query parameters and JSON fields. */
public final class Wire {
  private Wire() {}

  // Parameters every REST call carries.
  public static final String METHOD = "method";
  public static final String FORMAT = "format";
  public static final String FORMAT_JSON = "json";
  public static final String NOJSONCALLBACK = "nojsoncallback";
  public static final String NOJSONCALLBACK_ON = "1";
  public static final String API_KEY = "api_key";
  public static final String PERMS = "perms";

  // OAuth endpoints, relative to the OAuth base URL.
  public static final String REQUEST_TOKEN = "request_token";
  public static final String AUTHORIZE = "authorize";
  public static final String ACCESS_TOKEN = "access_token";

  // Method parameters.
  public static final String PAGE = "page";
  public static final String PER_PAGE = "per_page";
  public static final String EXTRAS = "extras";
  public static final String USER_ID = "user_id";
  public static final String TEXT = "text";
  public static final String TAGS = "tags";
  public static final String TAG_MODE = "tag_mode";
  public static final String MIN_UPLOAD_DATE = "min_upload_date";
  public static final String MAX_UPLOAD_DATE = "max_upload_date";
  public static final String MIN_TAKEN_DATE = "min_taken_date";
  public static final String MAX_TAKEN_DATE = "max_taken_date";
  public static final String SORT = "sort";
  public static final String BBOX = "bbox";
  public static final String SAFE_SEARCH = "safe_search";
  public static final String CONTENT_TYPE = "content_type";
  public static final String MEDIA = "media";

  // Envelope.
  public static final String STAT = "stat";
  public static final String STAT_OK = "ok";
  public static final String STAT_FAIL = "fail";
  public static final String CODE = "code";
  public static final String MESSAGE = "message";
  public static final String CONTENT = "_content";

  // The envelope's member for each model: {"photos":{...},"stat":"ok"}.
  public static final String PHOTOSETS = "photosets";
  public static final String OAUTH = "oauth";
  public static final String UPLOADER = "uploader";

  // Paged lists.
  public static final String PAGES = "pages";
  public static final String PERPAGE = "perpage";
  public static final String TOTAL = "total";
  public static final String PHOTO = "photo";
  public static final String PHOTOSET = "photoset";

  // Photos.
  public static final String ID = "id";
  public static final String OWNER = "owner";
  public static final String SECRET = "secret";
  public static final String SERVER = "server";
  public static final String FARM = "farm";
  public static final String TITLE = "title";
  public static final String ISPUBLIC = "ispublic";
  public static final String ISFRIEND = "isfriend";
  public static final String ISFAMILY = "isfamily";
  public static final String OWNERNAME = "ownername";
  public static final String PRIMARY = "primary";

  // Photosets.
  public static final String USERNAME = "username";
  public static final String DESCRIPTION = "description";
  public static final String PHOTOS = "photos";
  public static final String VIDEOS = "videos";
  public static final String COUNT_PHOTOS = "count_photos";
  public static final String COUNT_VIDEOS = "count_videos";
  public static final String COUNT_VIEWS = "count_views";
  public static final String DATE_CREATE = "date_create";
  public static final String DATE_UPDATE = "date_update";

  // Users and tokens.
  public static final String USER = "user";
  public static final String NSID = "nsid";
  public static final String FULLNAME = "fullname";
  public static final String TOKEN = "token";

  // flickr.photos.upload.checkTickets: the answer's fields (its photo id: UploadWire.PHOTOID).
  public static final String TICKET = "ticket";
  public static final String COMPLETE = "complete";
  public static final String INVALID = "invalid";
}
