/**
 * OAuth 1.0a (RFC 5849) request signing for OkHttp: {@link dev.oksign.OAuth1Signer} signs a
 * request, {@link dev.oksign.OAuth1Interceptor} signs the requests of an {@code OkHttpClient},
 * {@link dev.oksign.TokenFlow} obtains a token, and {@link dev.oksign.OAuth1Verifier} checks signed
 * requests on the server side. The one public package of the {@code dev.oksign} module.
 */
package dev.oksign;
