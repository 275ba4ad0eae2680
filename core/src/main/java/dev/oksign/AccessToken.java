package dev.oksign;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The result of the token flow's last leg (RFC 5849 §2.3): the access token and every other field
 * the provider sent with it, such as Flickr's {@code user_nsid}, {@code username} and {@code
 * fullname}. A plain immutable value to store and load; its {@link #toString()} hides the secret.
 *
 * <pre>{@code
 * AccessToken access = flow.accessToken(requestToken, verifier);
 * store(access.token().value(), access.token().secret(), access.parameter("user_nsid"));
 * }</pre>
 *
 * @param token the access token and its secret
 * @param parameters every other field of the response, URL-decoded, in the order sent
 */
public record AccessToken(Token token, Map<String, String> parameters) {
  /** Checks the token and copies the parameters. */
  public AccessToken {
    if (token == null) throw new NullPointerException("token == null");
    if (parameters == null) throw new NullPointerException("parameters == null");
    parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
  }

  /** Returns the field {@code name} of the response, such as {@code user_nsid}, or null. */
  public String parameter(String name) {
    return parameters.get(name);
  }

  /**
   * The token value and the fields, with the secret and any field named {@code *secret*} hidden.
   */
  @Override
  public String toString() {
    StringBuilder out =
        new StringBuilder("AccessToken[token=").append(token).append(", parameters={");
    boolean first = true;
    for (Map.Entry<String, String> e : parameters.entrySet()) {
      if (!first) out.append(", ");
      first = false;
      boolean secret = e.getKey().toLowerCase(Locale.ROOT).contains("secret");
      out.append(e.getKey()).append('=').append(secret ? "██" : e.getValue());
    }
    return out.append("}]").toString();
  }
}
