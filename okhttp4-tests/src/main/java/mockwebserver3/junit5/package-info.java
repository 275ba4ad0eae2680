/**
 * OkHttp 5's {@code @StartStop} for the OkHttp 4.12 build of core's tests. Test support, not
 * published.
 */
package mockwebserver3.junit5;
