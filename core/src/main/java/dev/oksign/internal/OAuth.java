package dev.oksign.internal;

/** Every OAuth 1.0a wire name, in one place. */
public final class OAuth {
  private OAuth() {}

  public static final String PREFIX = "oauth_";
  public static final String CONSUMER_KEY = "oauth_consumer_key";
  public static final String TOKEN = "oauth_token";
  public static final String TOKEN_SECRET = "oauth_token_secret";
  public static final String SIGNATURE_METHOD = "oauth_signature_method";
  public static final String SIGNATURE = "oauth_signature";
  public static final String TIMESTAMP = "oauth_timestamp";
  public static final String NONCE = "oauth_nonce";
  public static final String VERSION = "oauth_version";
  public static final String CALLBACK = "oauth_callback";
  public static final String CALLBACK_CONFIRMED = "oauth_callback_confirmed";
  public static final String VERIFIER = "oauth_verifier";
  public static final String BODY_HASH = "oauth_body_hash";
  public static final String PROBLEM = "oauth_problem";
  public static final String PROBLEM_ADVICE = "oauth_problem_advice";
  public static final String PARAMETERS_ABSENT = "oauth_parameters_absent";
  public static final String PARAMETERS_REJECTED = "oauth_parameters_rejected";
  public static final String ACCEPTABLE_TIMESTAMPS = "oauth_acceptable_timestamps";
  public static final String ACCEPTABLE_VERSIONS = "oauth_acceptable_versions";
  public static final String REALM = "realm";
  public static final String VERSION_1_0 = "1.0";
  public static final String OOB = "oob";

  public static final String AUTHORIZATION = "Authorization";
  public static final String AUTH_SCHEME = "OAuth";
  public static final String FORM_MEDIA_TYPE = "application/x-www-form-urlencoded";
}
