/**
 * The signing pipeline of RFC 5849 §3.4 behind {@link dev.oksign.OAuth1Signer} and {@link
 * dev.oksign.OAuth1Verifier}: percent-encoding ({@code Percent}), parameter collection and sorting
 * ({@code ParameterList}, {@code FormBodies}), the base string ({@code BaseString}), the signature
 * methods, and the parsers of what providers answer. Not API: the module does not export this
 * package, and anything in it may change in any release.
 */
package dev.oksign.internal;
