/**
 * JMH benchmarks of oksign next to ScribeJava, Signpost and google-oauth-client, and the HMAC
 * floor: see {@code benchmarks/README.md} for the figures and the command that reproduces them. Not
 * published.
 */
package dev.oksign.benchmarks;
