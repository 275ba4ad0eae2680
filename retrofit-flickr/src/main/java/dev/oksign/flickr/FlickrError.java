package dev.oksign.flickr;

/**
 * The error codes every Flickr method shares, as listed on each method's page of the <a
 * href="https://www.flickr.com/services/api/">API documentation</a>. Codes below 95 belong to the
 * method and are not listed here; {@link FlickrException#code()} carries them all.
 */
public enum FlickrError {
  /** 95: the call was made over http, and the method needs https. */
  SSL_REQUIRED(95, false),
  /** 96: the signature is wrong. An authentication failure. */
  INVALID_SIGNATURE(96, true),
  /** 97: the call needed a signature and had none. An authentication failure. */
  MISSING_SIGNATURE(97, true),
  /** 98: the token is invalid, revoked or expired ("Login failed / Invalid auth token"). */
  INVALID_TOKEN(98, true),
  /** 99: the token lacks the permission the method needs, or there is no token at all. */
  INSUFFICIENT_PERMISSIONS(99, true),
  /** 100: the API key (consumer key) is invalid or has expired. */
  INVALID_API_KEY(100, true),
  /** 105: Flickr is overloaded or down for maintenance; worth retrying later. */
  SERVICE_UNAVAILABLE(105, false),
  /** 106: a write operation failed on Flickr's side. */
  WRITE_FAILED(106, false),
  /** 111: the requested response format does not exist. */
  FORMAT_NOT_FOUND(111, false),
  /** 112: the method does not exist. */
  METHOD_NOT_FOUND(112, false),
  /** 116: a URL in the request was refused. */
  BAD_URL(116, false);

  private final int code;
  private final boolean authentication;

  FlickrError(int code, boolean authentication) {
    this.code = code;
    this.authentication = authentication;
  }

  /** The numeric code Flickr sends. */
  public int code() {
    return code;
  }

  /**
   * True for the failures of credentials: signature (96, 97), token (98), permissions (99) and API
   * key (100). Retrying them without new credentials does not help.
   */
  public boolean isAuthentication() {
    return authentication;
  }

  /** Returns the shared error of {@code code}, or null for a method-specific code. */
  public static FlickrError of(int code) {
    for (FlickrError error : values()) {
      if (error.code == code) return error;
    }
    return null;
  }
}
