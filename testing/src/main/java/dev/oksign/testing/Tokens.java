package dev.oksign.testing;

import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;

/** The request and access tokens a fake has issued. Values come from a seeded generator. */
final class Tokens {
  enum Kind {
    REQUEST,
    ACCESS
  }

  static final class State {
    final Kind kind;
    final String value;
    final String secret;
    final String consumerKey;
    final String callback;
    volatile FakeFlickrData.User user;
    volatile String perms;
    volatile String verifier;
    volatile boolean used;

    State(Kind kind, String value, String secret, String consumerKey, String callback) {
      this.kind = kind;
      this.value = value;
      this.secret = secret;
      this.consumerKey = consumerKey;
      this.callback = callback;
    }
  }

  private final Random random;
  private long serial = 72157720000000000L;
  private final Map<String, State> byValue = new ConcurrentHashMap<>();

  Tokens(long seed) {
    this.random = new Random(seed ^ 0x6f6b7369676eL);
  }

  State get(String value) {
    return value == null ? null : byValue.get(value);
  }

  /** The secret of a token still usable, for the verifier; null for an unknown or used one. */
  String secret(String value) {
    State state = get(value);
    return state == null || state.used ? null : state.secret;
  }

  synchronized State newRequestToken(String consumerKey, String callback) {
    State state = new State(Kind.REQUEST, nextValue(), hex(16), consumerKey, callback);
    byValue.put(state.value, state);
    return state;
  }

  synchronized State newAccessToken(String consumerKey, FakeFlickrData.User user, String perms) {
    State state = new State(Kind.ACCESS, nextValue(), hex(16), consumerKey, null);
    state.user = user;
    state.perms = perms;
    byValue.put(state.value, state);
    return state;
  }

  /** Authorizes a request token and returns its verifier. */
  synchronized String authorize(State state, FakeFlickrData.User user, String perms) {
    if (state.verifier == null) {
      state.verifier =
          "oob".equals(state.callback)
              ? String.format(
                  Locale.ROOT,
                  "%03d-%03d-%03d",
                  random.nextInt(1000),
                  random.nextInt(1000),
                  random.nextInt(1000))
              : hex(16);
    }
    state.user = user;
    state.perms = perms;
    return state.verifier;
  }

  private String nextValue() {
    serial += 1 + random.nextInt(1000);
    return serial + "-" + hex(16);
  }

  private String hex(int length) {
    StringBuilder out = new StringBuilder(length);
    for (int i = 0; i < length; i++) out.append(Character.forDigit(random.nextInt(16), 16));
    return out.toString();
  }

  /** 0 for read, 1 for write, 2 for delete, -1 for anything else. */
  static int permsLevel(String perms) {
    if (perms == null) return -1;
    return switch (perms) {
      case "read" -> 0;
      case "write" -> 1;
      case "delete" -> 2;
      default -> -1;
    };
  }
}
