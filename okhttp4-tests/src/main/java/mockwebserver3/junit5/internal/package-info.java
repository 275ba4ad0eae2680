/** The JUnit 5 extension behind {@code @StartStop}. Internal to the tests: not API. */
package mockwebserver3.junit5.internal;
