package dev.oksign;

import dev.oksign.internal.OAuth;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Per-request signing options, attached to a request as a tag: another token than the signer's (one
 * client serving many users), extra protocol parameters such as {@code oauth_callback} and {@code
 * oauth_verifier}, and parameters to sign that are in neither the query nor a form body.
 *
 * <pre>{@code
 * Request request = new Request.Builder()
 *     .url("https://api.flickr.com/services/rest/?method=flickr.test.login")
 *     .tag(SigningOptions.class, SigningOptions.builder().token(aliceToken).build())
 *     .build();
 * }</pre>
 *
 * <p>Tagging a request with a bare {@link Token} ({@code tag(Token.class, token)}) is a shortcut
 * for {@code SigningOptions.builder().token(token).build()}. Both ways stay: the tag is what a
 * client serving many users adds to each request (and what {@code Flickr.withToken} adds), the
 * options are needed anyway for a callback, a verifier or signed-only parameters. If a request
 * carries both, the options' token (or {@link Builder#withoutToken()}) wins.
 */
public final class SigningOptions {
  static final String[] NO_PAIRS = new String[0];

  private final Token token;
  private final boolean withoutToken;

  /**
   * The protocol parameters as names and values in turn, in the order first given: what the signer
   * reads, with no map to walk. {@link #protocolParameters()} is made from it when asked for.
   */
  private final String[] protocolPairs;

  private final List<Map.Entry<String, String>> signedParameters;

  private SigningOptions(Builder builder) {
    this.token = builder.token;
    this.withoutToken = builder.withoutToken;
    // Options are often made per request (a callback, a verifier): one small array.
    this.protocolPairs =
        builder.protocolSize == 0
            ? NO_PAIRS
            : Arrays.copyOf(builder.protocol, 2 * builder.protocolSize);
    this.signedParameters =
        builder.signedParameters == null || builder.signedParameters.isEmpty()
            ? Collections.emptyList()
            : Collections.unmodifiableList(new ArrayList<>(builder.signedParameters));
  }

  /** Returns a new builder with no option set. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns options that sign with {@code token} in place of the signer's own. */
  public static SigningOptions token(Token token) {
    return builder().token(token).build();
  }

  /** Returns a builder holding these options. */
  public Builder newBuilder() {
    return new Builder(this);
  }

  /** The token to sign with in place of the signer's, or null to use the signer's. */
  public Token token() {
    return token;
  }

  /** True if the request is signed with no token at all, even if the signer has one. */
  public boolean withoutToken() {
    return withoutToken;
  }

  /**
   * Extra {@code oauth_*} protocol parameters, placed and signed with the others, in the order they
   * were first given. The map cannot be changed.
   */
  public Map<String, String> protocolParameters() {
    if (protocolPairs.length == 0) return Collections.emptyMap();
    if (protocolPairs.length == 2)
      return Collections.singletonMap(protocolPairs[0], protocolPairs[1]);
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < protocolPairs.length; i += 2)
      map.put(protocolPairs[i], protocolPairs[i + 1]);
    return Collections.unmodifiableMap(map);
  }

  /** {@link #protocolParameters()} as names and values in turn; not to be changed. */
  String[] protocolPairs() {
    return protocolPairs;
  }

  /**
   * Parameters that are signed (they enter the base string) but not placed by the signer, because
   * the request carries them elsewhere: the text fields of a {@code multipart/form-data} body, as
   * Flickr's upload API requires. The caller guarantees the server sees the same names and values.
   */
  public List<Map.Entry<String, String>> signedParameters() {
    return signedParameters;
  }

  /** Names options and parameters; never a secret. */
  @Override
  public String toString() {
    return "SigningOptions[token="
        + (withoutToken ? "none" : token == null ? "signer's" : token.value())
        + ", protocolParameters="
        + protocolParameters().keySet()
        + ", signedParameters="
        + signedParameters.stream().map(Map.Entry::getKey).collect(Collectors.toList())
        + "]";
  }

  /** Builds {@link SigningOptions}. */
  public static final class Builder {
    private Token token;
    private boolean withoutToken;
    // Names and values in turn, made on first use: options are often made per request, with one
    // protocol parameter or none.
    private String[] protocol;
    private int protocolSize;
    private List<Map.Entry<String, String>> signedParameters;

    Builder() {}

    Builder(SigningOptions options) {
      this.token = options.token;
      this.withoutToken = options.withoutToken;
      if (options.protocolPairs.length > 0) {
        this.protocol = options.protocolPairs.clone();
        this.protocolSize = protocol.length / 2;
      }
      if (!options.signedParameters.isEmpty()) {
        this.signedParameters = new ArrayList<>(options.signedParameters);
      }
    }

    /** Signs with {@code token} in place of the signer's token. */
    public Builder token(Token token) {
      if (token == null) throw new NullPointerException("token == null");
      this.token = token;
      this.withoutToken = false;
      return this;
    }

    /** Signs with no token even if the signer has one, as the first leg of the token flow must. */
    public Builder withoutToken() {
      this.token = null;
      this.withoutToken = true;
      return this;
    }

    /** Adds {@code oauth_callback}: an absolute URL or {@code oob} (RFC 5849 §2.1). */
    public Builder callback(String callback) {
      return protocolParameter(OAuth.CALLBACK, callback);
    }

    /** Adds {@code oauth_verifier} (RFC 5849 §2.3). */
    public Builder verifier(String verifier) {
      return protocolParameter(OAuth.VERIFIER, verifier);
    }

    /**
     * Adds a protocol parameter. Its name must start with {@code oauth_} and must not be one the
     * signer sets itself ({@code oauth_consumer_key}, {@code oauth_token}, {@code
     * oauth_signature_method}, {@code oauth_signature}, {@code oauth_timestamp}, {@code
     * oauth_nonce}, {@code oauth_version}).
     */
    public Builder protocolParameter(String name, String value) {
      if (name == null) throw new NullPointerException("name == null");
      if (value == null) throw new NullPointerException(name + " value == null");
      if (!name.startsWith(OAuth.PREFIX)) {
        throw new IllegalArgumentException(
            name + " is not a protocol parameter: protocol parameter names start with oauth_");
      }
      switch (name) {
        case OAuth.CONSUMER_KEY,
            OAuth.TOKEN,
            OAuth.SIGNATURE_METHOD,
            OAuth.SIGNATURE,
            OAuth.TIMESTAMP,
            OAuth.NONCE,
            OAuth.VERSION ->
            throw new IllegalArgumentException(name + " is set by the signer and cannot be given");
        default -> {}
      }
      for (int i = 0; i < protocolSize; i++) {
        if (protocol[2 * i].equals(name)) { // given again: the new value, in the first place
          protocol[2 * i + 1] = value;
          return this;
        }
      }
      if (protocol == null) {
        protocol = new String[2];
      } else if (protocol.length == 2 * protocolSize) {
        protocol = Arrays.copyOf(protocol, 4 * protocolSize);
      }
      protocol[2 * protocolSize] = name;
      protocol[2 * protocolSize + 1] = value;
      protocolSize++;
      return this;
    }

    /**
     * Adds a parameter that is signed but not placed: see {@link
     * SigningOptions#signedParameters()}. Repeated names are kept, in order.
     */
    public Builder signedParameter(String name, String value) {
      if (name == null) throw new NullPointerException("name == null");
      if (value == null) throw new NullPointerException(name + " value == null");
      if (signedParameters == null) signedParameters = new ArrayList<>();
      signedParameters.add(new AbstractMap.SimpleImmutableEntry<>(name, value));
      return this;
    }

    /** Returns the options. */
    public SigningOptions build() {
      return new SigningOptions(this);
    }
  }
}
