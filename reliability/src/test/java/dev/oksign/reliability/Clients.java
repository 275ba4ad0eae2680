package dev.oksign.reliability;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.OkHttpClient;

/**
 * The one base client of these tests. Its TLS settings are set explicitly so that each {@code
 * newBuilder().build()} variant shares them: left unset, every build loads the platform trust store
 * again (tens of milliseconds), which would dominate tests that build hundreds of variants. Its
 * sockets set TCP_NODELAY ({@link NoDelaySockets}).
 */
final class Clients {
  private Clients() {}

  static final OkHttpClient BASE = build();

  private static OkHttpClient build() {
    try {
      TrustManagerFactory factory =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init((KeyStore) null);
      X509TrustManager trustManager = null;
      for (TrustManager tm : factory.getTrustManagers()) {
        if (tm instanceof X509TrustManager x509) trustManager = x509;
      }
      SSLContext tls = SSLContext.getInstance("TLS");
      tls.init(null, new TrustManager[] {trustManager}, null);
      return new OkHttpClient.Builder()
          .sslSocketFactory(tls.getSocketFactory(), trustManager)
          .socketFactory(NoDelaySockets.INSTANCE)
          .build();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
