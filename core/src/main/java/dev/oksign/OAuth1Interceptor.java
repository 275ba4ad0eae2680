package dev.oksign;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * An OkHttp interceptor that signs each request to the hosts it is scoped to, with an {@link
 * OAuth1Signer}, and leaves every other request untouched.
 *
 * <pre>{@code
 * OkHttpClient client = existingClient.newBuilder()
 *     .addNetworkInterceptor(OAuth1Interceptor.create(signer, "api.flickr.com"))
 *     .build();
 * }</pre>
 *
 * <p><b>Add it as a network interceptor.</b> There it runs once per attempt that reaches the
 * network, so every retry and every followed redirect is signed anew, with a fresh nonce and
 * timestamp, for the URL it is really sent to; and a redirect to a host outside the scope leaves
 * with no OAuth parameter at all. As an application interceptor it signs the first attempt only:
 * a retry would then resend the same nonce, and a redirect would carry a signature made for
 * another URL.
 *
 * <p><b>Scope.</b> A client is often shared by several APIs, so the interceptor signs only
 * requests whose host is one of those it was built with ({@link Builder#host(String)}, exact and
 * case-insensitive) or lies under a domain it was given ({@link Builder#domain(String)}), and
 * only over {@code https} unless {@link Builder#allowHttp(boolean)} says otherwise. There is no
 * "sign everything" default: {@link Builder#build()} refuses an empty scope.
 *
 * <p>Failures are {@link SigningException}s (an {@link IOException}), thrown before anything is
 * sent.
 */
public final class OAuth1Interceptor implements Interceptor {
  private final OAuth1Signer signer;
  private final List<String> hosts;
  private final List<String> domains;
  private final boolean allowHttp;

  private OAuth1Interceptor(Builder builder) {
    this.signer = builder.signer;
    this.hosts = Collections.unmodifiableList(new ArrayList<>(builder.hosts));
    this.domains = Collections.unmodifiableList(new ArrayList<>(builder.domains));
    this.allowHttp = builder.allowHttp;
  }

  /**
   * Returns an interceptor that signs with {@code signer} the {@code https} requests to exactly
   * the given hosts.
   */
  public static OAuth1Interceptor create(OAuth1Signer signer, String... hosts) {
    Builder builder = builder(signer);
    for (String host : hosts) builder.host(host);
    return builder.build();
  }

  /** Returns a builder of an interceptor signing with {@code signer}. */
  public static Builder builder(OAuth1Signer signer) {
    return new Builder(signer);
  }

  /** Returns a builder holding this interceptor's configuration. */
  public Builder newBuilder() {
    Builder builder = new Builder(signer);
    builder.hosts.addAll(hosts);
    builder.domains.addAll(domains);
    builder.allowHttp = allowHttp;
    return builder;
  }

  /** The signer. */
  public OAuth1Signer signer() {
    return signer;
  }

  /** True if a request to {@code url} would be signed. */
  public boolean inScope(HttpUrl url) {
    if (!allowHttp && !url.isHttps()) return false;
    String host = url.host().toLowerCase(Locale.ROOT);
    if (hosts.contains(host)) return true;
    for (String domain : domains) {
      if (host.equals(domain) || host.endsWith("." + domain)) return true;
    }
    return false;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    if (!inScope(request.url())) return chain.proceed(request);
    return chain.proceed(signer.sign(request));
  }

  /** Names the scope and the signer; never a secret. */
  @Override
  public String toString() {
    return "OAuth1Interceptor[hosts="
        + hosts
        + ", domains="
        + domains
        + ", allowHttp="
        + allowHttp
        + ", signer="
        + signer
        + "]";
  }

  /** Builds an {@link OAuth1Interceptor}. */
  public static final class Builder {
    private final OAuth1Signer signer;
    private final List<String> hosts = new ArrayList<>();
    private final List<String> domains = new ArrayList<>();
    private boolean allowHttp;

    Builder(OAuth1Signer signer) {
      if (signer == null) throw new NullPointerException("signer == null");
      this.signer = signer;
    }

    /** Signs requests to exactly {@code host} (case-insensitive), such as {@code api.flickr.com}. */
    public Builder host(String host) {
      hosts.add(checkHost(host, "host"));
      return this;
    }

    /**
     * Signs requests to {@code domain} and every host under it: {@code flickr.com} covers {@code
     * api.flickr.com} and {@code www.flickr.com}.
     */
    public Builder domain(String domain) {
      domains.add(checkHost(domain, "domain"));
      return this;
    }

    /**
     * Whether to sign requests over plain {@code http} to hosts in scope; false by default. Only
     * for local tests and providers without TLS: the signed parameters travel in the clear.
     */
    public Builder allowHttp(boolean allowHttp) {
      this.allowHttp = allowHttp;
      return this;
    }

    private static String checkHost(String host, String what) {
      if (host == null) throw new NullPointerException(what + " == null");
      String h = host.trim().toLowerCase(Locale.ROOT);
      if (h.isEmpty()) throw new IllegalArgumentException(what + " is empty");
      if (h.contains("/") || h.contains("*") || h.contains(" ")) {
        throw new IllegalArgumentException(
            what + " must be a bare host name such as api.flickr.com, not " + host);
      }
      if (h.startsWith(".")) h = h.substring(1);
      if (h.startsWith("[") && h.endsWith("]")) h = h.substring(1, h.length() - 1);
      return h;
    }

    /**
     * Returns the interceptor.
     *
     * @throws IllegalStateException if no host or domain was given
     */
    public OAuth1Interceptor build() {
      if (hosts.isEmpty() && domains.isEmpty()) {
        throw new IllegalStateException(
            "hosts is empty: name the hosts this interceptor may sign for, so that credentials"
                + " never reach another API that shares the client");
      }
      return new OAuth1Interceptor(this);
    }
  }
}
