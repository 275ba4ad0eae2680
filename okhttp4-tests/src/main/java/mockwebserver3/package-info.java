/**
 * The subset of OkHttp 5's {@code mockwebserver3} API that oksign-core's tests use, implemented on
 * OkHttp 4.12's {@code okhttp3.mockwebserver}.
 *
 * <p>{@code mockwebserver3} 5.x needs OkHttp 5 at run time, and OkHttp 4.12 ships no {@code
 * mockwebserver3} artifact, so core's tests cannot be run against OkHttp 4.12 with either. These
 * classes keep the 5.x names and semantics (a {@code null} body for a request that had none, the
 * request target exactly as sent, the absolute URL of a proxied request), so the same test sources
 * compile and run unchanged. The server side is OkHttp 4.12's own MockWebServer; only the client
 * under test matters here. When a core test needs a method that is missing, add it here with the
 * 5.x signature.
 */
package mockwebserver3;
