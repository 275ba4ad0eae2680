/**
 * OAuth 1.0a (RFC 5849) request signing for OkHttp: {@link dev.oksign.OAuth1Signer} and {@link
 * dev.oksign.OAuth1Interceptor}.
 */
module dev.oksign {
  requires transitive okhttp3;

  exports dev.oksign;
}
