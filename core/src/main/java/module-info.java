/**
 * OAuth 1.0a (RFC 5849) request signing for OkHttp: {@link dev.oksign.OAuth1Signer} and {@link
 * dev.oksign.OAuth1Interceptor}.
 */
module dev.oksign {
  requires transitive okhttp3;
  // Read directly (okio.Buffer); OkHttp 4's automatic module does not bring it along as 5's does.
  requires okio;

  exports dev.oksign;
}
