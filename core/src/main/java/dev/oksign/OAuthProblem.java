package dev.oksign;

/**
 * The {@code oauth_problem} values of the OAuth Problem Reporting extension, which Flickr and most
 * OAuth 1.0a providers send when they refuse a request. A value not listed here is kept raw by
 * {@link OAuthProblemException#problem()} and {@link Verification#problem()}.
 */
public enum OAuthProblem {
  /** The {@code oauth_version} is not one the server accepts. */
  VERSION_REJECTED("version_rejected"),
  /** A required parameter is missing; see {@code oauth_parameters_absent}. */
  PARAMETER_ABSENT("parameter_absent"),
  /** A parameter is malformed, duplicated or not allowed. */
  PARAMETER_REJECTED("parameter_rejected"),
  /** The timestamp is too far from the server's clock: a skewed client clock, usually. */
  TIMESTAMP_REFUSED("timestamp_refused"),
  /** The nonce was already used with this timestamp: a replay, or a nonce source that repeats. */
  NONCE_USED("nonce_used"),
  /** The {@code oauth_signature_method} is not one the server accepts. */
  SIGNATURE_METHOD_REJECTED("signature_method_rejected"),
  /** The signature does not match: a different base string, or the wrong secrets in the key. */
  SIGNATURE_INVALID("signature_invalid"),
  /** The consumer key is not known to the server. */
  CONSUMER_KEY_UNKNOWN("consumer_key_unknown"),
  /** The consumer key is known but was permanently refused. */
  CONSUMER_KEY_REJECTED("consumer_key_rejected"),
  /** The consumer key is temporarily refused, for example while rate limited. */
  CONSUMER_KEY_REFUSED("consumer_key_refused"),
  /** The token was already used, for example a request token already exchanged. */
  TOKEN_USED("token_used"),
  /** The token has expired. */
  TOKEN_EXPIRED("token_expired"),
  /** The token was revoked by the user or the provider. */
  TOKEN_REVOKED("token_revoked"),
  /** The token is not one the server knows, or not valid for this request. */
  TOKEN_REJECTED("token_rejected"),
  /** The token is valid but the request needs an additional authorization. */
  ADDITIONAL_AUTHORIZATION_REQUIRED("additional_authorization_required"),
  /** The user has not yet decided whether to authorize the request token. */
  PERMISSION_UNKNOWN("permission_unknown"),
  /** The user refused to authorize the request token. */
  PERMISSION_DENIED("permission_denied"),
  /** The user refused the request. */
  USER_REFUSED("user_refused");

  private final String wireName;

  OAuthProblem(String wireName) {
    this.wireName = wireName;
  }

  /** The value as sent in {@code oauth_problem}, such as {@code signature_invalid}. */
  public String wireName() {
    return wireName;
  }

  /** Returns the problem whose wire name is {@code value}, or null if it is not a known one. */
  public static OAuthProblem fromWireName(String value) {
    if (value == null) return null;
    for (OAuthProblem problem : values()) {
      if (problem.wireName.equals(value)) return problem;
    }
    return null;
  }
}
