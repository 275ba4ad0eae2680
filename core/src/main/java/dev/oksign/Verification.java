package dev.oksign;

import dev.oksign.internal.FormResponse;
import dev.oksign.internal.OAuth;
import dev.oksign.internal.Percent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of {@link OAuth1Verifier#verify}: valid, or refused with an {@code oauth_problem} and
 * the base string the verifier computed, which is what a provider sends back so the client can find
 * its mistake. Immutable.
 *
 * <pre>{@code
 * Verification v = verifier.verify(request);
 * if (!v.isValid()) {
 *   return new MockResponse.Builder().code(401).body(v.responseBody()).build();
 * }
 * }</pre>
 */
public final class Verification {
  private final String problem;
  private final String message;
  private final String baseString;
  private final String consumerKey;
  private final String token;
  private final Map<String, String> protocolParameters;
  private final List<String> parametersAbsent;
  private final String acceptableTimestamps;

  Verification(
      String problem,
      String message,
      String baseString,
      Map<String, String> protocolParameters,
      List<String> parametersAbsent,
      String acceptableTimestamps) {
    this.problem = problem;
    this.message = message;
    this.baseString = baseString;
    this.protocolParameters = Collections.unmodifiableMap(new LinkedHashMap<>(protocolParameters));
    this.consumerKey = protocolParameters.get(OAuth.CONSUMER_KEY);
    String token = protocolParameters.get(OAuth.TOKEN);
    this.token = token == null || token.isEmpty() ? null : token;
    this.parametersAbsent = Collections.unmodifiableList(new ArrayList<>(parametersAbsent));
    this.acceptableTimestamps = acceptableTimestamps;
  }

  /** True if the request is validly signed, fresh and not a replay. */
  public boolean isValid() {
    return problem == null;
  }

  /**
   * The {@code oauth_problem} to answer with, such as {@code signature_invalid}, {@code
   * timestamp_refused}, {@code nonce_used}, {@code token_rejected}, {@code consumer_key_unknown},
   * {@code parameter_absent}, {@code parameter_rejected}, {@code signature_method_rejected} or
   * {@code version_rejected}; null if valid. See {@link OAuthProblem}.
   */
  public String problem() {
    return problem;
  }

  /** A sentence saying what was accepted or what is wrong; never a secret. */
  public String message() {
    return message;
  }

  /**
   * The signature base string the verifier computed from the request (RFC 5849 §3.4.1), or null if
   * the request was too malformed to compute one.
   */
  public String baseString() {
    return baseString;
  }

  /** The {@code oauth_consumer_key} received, or null. */
  public String consumerKey() {
    return consumerKey;
  }

  /**
   * The {@code oauth_token} value received, or null if the request had none or an empty one (as
   * some clients send to request_token).
   */
  public String token() {
    return token;
  }

  /**
   * The protocol parameters received, decoded, in the order they came, {@code realm} excluded. With
   * PLAINTEXT, {@code oauth_signature} holds the secrets.
   */
  public Map<String, String> protocolParameters() {
    return protocolParameters;
  }

  /** The names of the required parameters that were missing, for {@code parameter_absent}. */
  public List<String> parametersAbsent() {
    return parametersAbsent;
  }

  /**
   * The refusal as an {@code application/x-www-form-urlencoded} body, in the form Flickr answers
   * with: {@code oauth_problem=signature_invalid&debug_sbs=GET&https%3A...}, plus {@code
   * oauth_parameters_absent} or {@code oauth_acceptable_timestamps} where they apply. As Flickr
   * does, {@code debug_sbs} comes last and is not encoded again. Empty if the request is valid.
   */
  public String responseBody() {
    if (problem == null) return "";
    StringBuilder out = new StringBuilder();
    out.append(OAuth.PROBLEM).append('=').append(Percent.encode(problem));
    if (!parametersAbsent.isEmpty()) {
      out.append('&').append(OAuth.PARAMETERS_ABSENT).append('=');
      out.append(Percent.encode(String.join("&", parametersAbsent)));
    }
    if (acceptableTimestamps != null) {
      out.append('&').append(OAuth.ACCEPTABLE_TIMESTAMPS).append('=');
      out.append(Percent.encode(acceptableTimestamps));
    }
    if (baseString != null)
      out.append('&').append(FormResponse.DEBUG_SBS).append('=').append(baseString);
    return out.toString();
  }

  /** The problem and message, never the signature or a secret. */
  @Override
  public String toString() {
    return problem == null
        ? "Verification[valid, consumerKey=" + consumerKey + ", token=" + token + "]"
        : "Verification[" + problem + ": " + message + "]";
  }
}
