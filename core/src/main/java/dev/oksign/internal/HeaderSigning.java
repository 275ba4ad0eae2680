package dev.oksign.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * The hot path of signing: an HMAC signature placed in the {@code Authorization} header. It gives
 * the same header as the general path (a property test checks it), with far less work:
 *
 * <ul>
 *   <li>each request parameter is transcoded once, straight from the URL or form body as OkHttp
 *       holds it to the form the base string needs (RFC 5849 §3.6 applied twice), into an array the
 *       calling thread reuses: no decoded string, no encoded string;
 *   <li>request parameters are sorted by index, on the first eight bytes of their names, which
 *       almost always decide;
 *   <li>the protocol parameters are one block of the sorted parameters (all their names start with
 *       {@code oauth_}, which no request parameter's may), written in their known order from bytes
 *       encoded when the signer was built, but for the nonce, the timestamp and the options' own;
 *   <li>the encoded base string URI of the last URL is kept per thread: a client calls few
 *       endpoints;
 *   <li>the base string is written into a reused array by bulk copies and hashed in place, and the
 *       header is written as bytes.
 * </ul>
 *
 * <p>{@link #sign} returns null whenever the request is not the plain case (a parameter that is
 * neither ASCII nor well-formed UTF-8, a form body that is not a {@link FormBody}, an {@code
 * oauth_*} request parameter, a huge request): the general path then signs or refuses it.
 */
public final class HeaderSigning {
  /** More request parameters than this, or more bytes of them, take the general path. */
  private static final int MAX_PARAMETERS = 256;

  private static final int MAX_BYTES = 32 * 1024;

  private static final byte[] CONSUMER_KEY = ascii(OAuth.CONSUMER_KEY);
  private static final byte[] NONCE = ascii(OAuth.NONCE);
  private static final byte[] SIGNATURE = ascii(OAuth.SIGNATURE);
  private static final byte[] SIGNATURE_METHOD = ascii(OAuth.SIGNATURE_METHOD);
  private static final byte[] TIMESTAMP = ascii(OAuth.TIMESTAMP);
  private static final byte[] TOKEN = ascii(OAuth.TOKEN);
  private static final byte[] VERSION = ascii(OAuth.VERSION);
  private static final byte[] VERSION_1_0 = ascii(OAuth.VERSION_1_0);
  private static final byte[] OAUTH_PREFIX = ascii(OAuth.PREFIX);

  private static final byte[] HEX = {
    '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'A', 'B', 'C', 'D', 'E', 'F'
  };

  private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

  private final HmacSignatureMethod signatureMethod;
  private final String clientSecret;
  private final byte[] encodedConsumerKey;
  private final boolean consumerKeyEscaped;
  private final byte[] encodedSignatureMethod;
  private final boolean includeVersion;
  private final boolean noncesUnreserved;

  /** The signer's own token, percent-encoded, as given and as bytes; or null. */
  private final String encodedTokenString;

  private final byte[] encodedToken;
  private final boolean tokenEscaped;

  /** {@code OAuth } and the realm, if any, as bytes: all printable ASCII. */
  private final byte[] headerStart;

  /**
   * @param encodedConsumerKey the consumer key percent-encoded
   * @param encodedToken the signer's token percent-encoded, or null
   * @param noncesUnreserved true if every nonce is made of unreserved characters only, as the
   *     default {@link Nonces} are, so that none needs encoding
   * @param headerStart how every header starts, all printable ASCII
   */
  public HeaderSigning(
      HmacSignatureMethod signatureMethod,
      String clientSecret,
      String encodedConsumerKey,
      String encodedToken,
      boolean includeVersion,
      boolean noncesUnreserved,
      String headerStart) {
    this.signatureMethod = signatureMethod;
    this.clientSecret = clientSecret;
    this.encodedConsumerKey = ascii(encodedConsumerKey);
    this.consumerKeyEscaped = encodedConsumerKey.indexOf('%') >= 0;
    this.encodedSignatureMethod = ascii(Percent.encode(signatureMethod.name()));
    this.includeVersion = includeVersion;
    this.noncesUnreserved = noncesUnreserved;
    this.encodedTokenString = encodedToken;
    this.encodedToken = encodedToken == null ? null : ascii(encodedToken);
    this.tokenEscaped = encodedToken != null && encodedToken.indexOf('%') >= 0;
    this.headerStart = ascii(headerStart);
  }

  /**
   * Returns {@code request} with its {@code Authorization} header, or null to leave it to the
   * general path. The caller has checked that the request has no {@code Authorization} header yet,
   * and that every escape of its query is well formed.
   *
   * @param urlString {@code request.url().toString()}
   * @param queryStart the index of the {@code ?} in {@code urlString}, or -1
   * @param encodedToken the token percent-encoded, or null for none; for the signer's own token,
   *     the very string given to the constructor
   * @param extras the options' protocol parameters, encoded by {@link Protocol#of}, or null
   * @param signedParameters parameters signed but not placed, decoded
   */
  public Request sign(
      Request request,
      String urlString,
      int queryStart,
      String encodedToken,
      String tokenSecret,
      Protocol extras,
      List<Map.Entry<String, String>> signedParameters,
      long timestamp,
      String nonce) {
    if (timestamp < 0) return null;
    Scratch s = SCRATCH.get();
    s.reset();

    // The request's parameters: the query, a form body's, the options' signed ones.
    int pathEnd;
    if (queryStart >= 0) {
      pathEnd = queryStart;
      int fragment = urlString.indexOf('#', queryStart);
      if (!s.addQuery(urlString, queryStart + 1, fragment < 0 ? urlString.length() : fragment)) {
        return null;
      }
    } else {
      int fragment = urlString.indexOf('#');
      pathEnd = fragment < 0 ? urlString.length() : fragment;
    }
    RequestBody body = request.body();
    if (body != null && FormBodies.isForm(body.contentType())) {
      if (!(body instanceof FormBody form)) return null;
      for (int i = 0, n = form.size(); i < n; i++) {
        String name = form.encodedName(i);
        String value = form.encodedValue(i);
        if (!s.add(name, 0, name.length(), value, 0, value.length())) return null;
      }
    }
    for (int i = 0, n = signedParameters.size(); i < n; i++) {
      Map.Entry<String, String> e = signedParameters.get(i);
      s.addDecoded(e.getKey(), e.getValue());
    }
    for (int i = 0; i < s.size; i++) {
      // Refused by the general path (or, among the options' signed parameters, mixed with the
      // protocol parameters there, when this path keeps them in one block).
      if (s.nameStartsWith(i, OAUTH_PREFIX)) return null;
    }
    if (s.size > MAX_PARAMETERS || s.length > MAX_BYTES) return null;
    s.sort();

    // The protocol parameters in name order, the options' merged in among the signer's.
    s.resetProtocol();
    int e = s.addProtocolBefore(extras, 0, CONSUMER_KEY);
    s.addProtocol(
        CONSUMER_KEY, encodedConsumerKey, 0, encodedConsumerKey.length, consumerKeyEscaped);
    e = s.addProtocolBefore(extras, e, NONCE);
    s.addProtocolValue(NONCE, nonce, noncesUnreserved);
    e = s.addProtocolBefore(extras, e, SIGNATURE_METHOD);
    s.addProtocol(
        SIGNATURE_METHOD, encodedSignatureMethod, 0, encodedSignatureMethod.length, false);
    e = s.addProtocolBefore(extras, e, TIMESTAMP);
    s.addProtocolTimestamp(TIMESTAMP, timestamp);
    if (encodedToken != null) {
      e = s.addProtocolBefore(extras, e, TOKEN);
      if (encodedToken == this.encodedTokenString) {
        s.addProtocol(TOKEN, this.encodedToken, 0, this.encodedToken.length, tokenEscaped);
      } else {
        s.addProtocolValue(TOKEN, encodedToken, true);
      }
    }
    if (includeVersion) {
      e = s.addProtocolBefore(extras, e, VERSION);
      s.addProtocol(VERSION, VERSION_1_0, 0, VERSION_1_0.length, false);
    }
    s.addProtocolBefore(extras, e, null);

    // The base string (§3.4.1.1), then its HMAC.
    byte[] uri = s.uri(request.url(), urlString, pathEnd);
    if (uri == null) return null;
    int baseLength = s.writeBaseString(request.method(), uri);
    if (baseLength < 0) return null;
    String signature =
        signatureMethod.signEncoded(s.base, 0, baseLength, clientSecret, tokenSecret);

    String authorization = s.writeHeader(headerStart, signature);
    // No Authorization header yet (the caller checked), and nothing in this one to check.
    return request
        .newBuilder()
        .headers(
            request
                .headers()
                .newBuilder()
                .addUnsafeNonAscii(OAuth.AUTHORIZATION, authorization)
                .build())
        .build();
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  /**
   * A thread's arrays. The request parameters are kept as the base string needs them: {@code
   * name%3Dvalue}, each part encoded twice. The protocol parameters are kept encoded once, as the
   * header needs them, in name order.
   */
  static final class Scratch {
    byte[] bytes = new byte[1024];
    int length;
    int size;

    /** Per request parameter: where its name starts and ends, and where its value ends. */
    int[] nameStart = new int[32];

    int[] nameEnd = new int[32];
    int[] valueEnd = new int[32];

    /** Per request parameter: its name's first eight bytes, big-endian, zero-padded. */
    long[] key = new long[32];

    /** The request parameters' indexes, in sorted order. */
    int[] order = new int[32];

    /**
     * The protocol parameters, in name order: each name and value is a range of an array that holds
     * it encoded once (a constant, the signer's, the options', or {@link #values}).
     */
    byte[][] protocolName = new byte[16][];

    int[] protocolNameTo = new int[16];
    byte[][] protocolValue = new byte[16][];
    int[] protocolValueFrom = new int[16];
    int[] protocolValueTo = new int[16];

    /** Per protocol parameter: true if it holds a {@code %}, which the base string re-encodes. */
    boolean[] protocolEscaped = new boolean[16];

    int protocolSize;

    /** The values made for this request: the nonce, the timestamp. */
    byte[] values = new byte[256];

    int valuesLength;

    byte[] base = new byte[1024];
    byte[] header = new byte[512];

    /** The URL up to its path's end, and the base string URI it gave, encoded. */
    String uriKey;

    byte[] uri;

    void reset() {
      length = 0;
      size = 0;
    }

    void resetProtocol() {
      protocolSize = 0;
      valuesLength = 0;
    }

    private void ensureBytes(int more) {
      if (length + more > bytes.length) {
        bytes = Arrays.copyOf(bytes, Math.max(length + more, bytes.length * 2));
      }
    }

    /**
     * Adds the parameters of the query {@code url[from, to)}, split as OkHttp splits it: on {@code
     * &}, then on the first {@code =}; an empty pair is no parameter, a name alone has an empty
     * value.
     */
    boolean addQuery(String url, int from, int to) {
      int start = from;
      while (start <= to) {
        int end = url.indexOf('&', start);
        if (end < 0 || end > to) end = to;
        if (end > start) {
          int eq = url.indexOf('=', start);
          boolean added =
              eq < 0 || eq > end
                  ? add(url, start, end, url, end, end)
                  : add(url, start, eq, url, eq + 1, end);
          if (!added) return false;
        }
        start = end + 1;
      }
      return true;
    }

    /** Adds a form-encoded pair, {@code n[nFrom, nTo) = v[vFrom, vTo)}. */
    boolean add(String n, int nFrom, int nTo, String v, int vFrom, int vTo) {
      ensureBytes(5 * (nTo - nFrom + vTo - vFrom) + 3);
      int start = length;
      int pos = Percent.transcodeFormEncoded(n, nFrom, nTo, bytes, start, true);
      if (pos < 0) return false;
      int nameEnd = pos;
      pos = putEquals(bytes, pos);
      pos = Percent.transcodeFormEncoded(v, vFrom, vTo, bytes, pos, true);
      if (pos < 0) return false;
      endParameter(start, nameEnd, pos);
      return true;
    }

    /** Adds a pair given decoded. */
    void addDecoded(String name, String value) {
      int start = length;
      encode(name, true);
      ensureBytes(3);
      int nameEnd = length;
      length = putEquals(bytes, length);
      encode(value, true);
      endParameter(start, nameEnd, length);
    }

    private static int putEquals(byte[] out, int pos) {
      out[pos++] = '%';
      out[pos++] = '3';
      out[pos++] = 'D';
      return pos;
    }

    private void endParameter(int start, int nameEnd, int valueEnd) {
      int i = size;
      if (i == nameStart.length) {
        int n = i * 2;
        nameStart = Arrays.copyOf(nameStart, n);
        this.nameEnd = Arrays.copyOf(this.nameEnd, n);
        this.valueEnd = Arrays.copyOf(this.valueEnd, n);
        key = Arrays.copyOf(key, n);
        order = Arrays.copyOf(order, n);
      }
      nameStart[i] = start;
      this.nameEnd[i] = nameEnd;
      this.valueEnd[i] = valueEnd;
      int prefix = Math.min(8, nameEnd - start);
      long k = 0;
      for (int j = 0; j < prefix; j++) k = (k << 8) | bytes[start + j];
      key[i] = k << (8 * (8 - prefix));
      order[i] = i;
      length = valueEnd;
      size = i + 1;
    }

    /**
     * Appends {@code s} percent-encoded per §3.6 to {@link #bytes}, and a second time if {@code
     * twice}. Returns true if it wrote an escape.
     */
    @SuppressWarnings("deprecation") // String.getBytes(int, int, byte[], int): a bulk ASCII copy
    private boolean encode(String s, boolean twice) {
      int n = s.length();
      ensureBytes(5 * n);
      int pos = encodeAscii(s, bytes, length, twice);
      if (pos >= 0) {
        boolean escaped = pos - length != n; // every escape is longer than its character
        length = pos;
        return escaped;
      }
      // Rare: not ASCII. The general encoder, for its UTF-8 and lone surrogates.
      String encoded = Percent.encode(s);
      ensureBytes(3 * encoded.length());
      if (twice) {
        length = reencode(encoded, bytes, length);
      } else {
        encoded.getBytes(0, encoded.length(), bytes, length);
        length += encoded.length();
      }
      return true;
    }

    /**
     * Writes {@code s} percent-encoded per §3.6 (and a second time if {@code twice}) at {@code
     * pos}, which has room for five bytes per character; returns the position after, or -1 if
     * {@code s} is not all ASCII. Kept apart, with no call in its loop, to stay in registers.
     */
    private static int encodeAscii(String s, byte[] out, int pos, boolean twice) {
      for (int i = 0, n = s.length(); i < n; i++) {
        char c = s.charAt(i);
        if (c >= 0x80) return -1;
        if (Percent.isUnreserved(c)) {
          out[pos++] = (byte) c;
        } else {
          out[pos++] = '%';
          if (twice) {
            out[pos++] = '2';
            out[pos++] = '5';
          }
          out[pos++] = HEX[c >> 4];
          out[pos++] = HEX[c & 0xF];
        }
      }
      return pos;
    }

    private static int reencode(String encoded, byte[] out, int pos) {
      for (int i = 0, n = encoded.length(); i < n; i++) {
        char c = encoded.charAt(i);
        out[pos++] = (byte) c;
        if (c == '%') {
          out[pos++] = '2';
          out[pos++] = '5';
        }
      }
      return pos;
    }

    boolean nameStartsWith(int i, byte[] prefix) {
      int from = nameStart[i];
      return nameEnd[i] - from >= prefix.length
          && compareBytes(bytes, from, from + prefix.length, prefix, 0, prefix.length) == 0;
    }

    /** Sorts {@link #order} by name, then value, byte by byte (§3.4.1.3.2). */
    void sort() {
      int[] o = order;
      for (int i = 1; i < size; i++) {
        int x = o[i];
        int j = i - 1;
        while (j >= 0 && compare(o[j], x) > 0) {
          o[j + 1] = o[j];
          j--;
        }
        o[j + 1] = x;
      }
    }

    /**
     * Compares two parameters as their once-encoded forms compare: encoding a second time turns
     * only {@code %} into {@code %25}, which keeps the order.
     */
    private int compare(int a, int b) {
      long ka = key[a];
      long kb = key[b];
      if (ka != kb) return ka < kb ? -1 : 1; // ASCII: the first byte is below 0x80, so ≥ 0
      int c = compareBytes(bytes, nameStart[a], nameEnd[a], bytes, nameStart[b], nameEnd[b]);
      if (c != 0) return c;
      return compareBytes(bytes, nameEnd[a] + 3, valueEnd[a], bytes, nameEnd[b] + 3, valueEnd[b]);
    }

    /**
     * Adds a protocol parameter after those added: its name is {@code name[0, nameTo)}, its value
     * {@code value[from, to)}.
     */
    void addProtocol(byte[] name, int nameTo, byte[] value, int from, int to, boolean escaped) {
      int i = protocolSize;
      if (i == protocolName.length) {
        int n = i * 2;
        protocolName = Arrays.copyOf(protocolName, n);
        protocolNameTo = Arrays.copyOf(protocolNameTo, n);
        protocolValue = Arrays.copyOf(protocolValue, n);
        protocolValueFrom = Arrays.copyOf(protocolValueFrom, n);
        protocolValueTo = Arrays.copyOf(protocolValueTo, n);
        protocolEscaped = Arrays.copyOf(protocolEscaped, n);
      }
      protocolName[i] = name;
      protocolNameTo[i] = nameTo;
      protocolValue[i] = value;
      protocolValueFrom[i] = from;
      protocolValueTo[i] = to;
      protocolEscaped[i] = escaped;
      protocolSize = i + 1;
    }

    void addProtocol(byte[] name, byte[] value, int from, int to, boolean escaped) {
      addProtocol(name, name.length, value, from, to, escaped);
    }

    /**
     * Adds the parameters of {@code extras} from the {@code from}th on whose names sort before
     * {@code name} (all of them if null); returns the index of the first not added.
     */
    int addProtocolBefore(Protocol extras, int from, byte[] name) {
      if (extras == null) return from;
      int i = from;
      for (; i < extras.size; i++) {
        byte[] extraName = extras.names[i];
        if (name != null
            && compareBytes(extraName, 0, extraName.length, name, 0, name.length) > 0) {
          break;
        }
        byte[] value = extras.values[i];
        addProtocol(extraName, extraName.length, value, 0, value.length, extras.escaped[i]);
      }
      return i;
    }

    /**
     * Adds a protocol parameter whose value is written into {@link #values}: encoded, unless {@code
     * encoded} says it already is.
     */
    @SuppressWarnings("deprecation") // String.getBytes(int, int, byte[], int): a bulk ASCII copy
    void addProtocolValue(byte[] name, String value, boolean encoded) {
      int n = value.length();
      int from = valuesLength;
      if (from + 5 * n > values.length) {
        values = Arrays.copyOf(values, Math.max(from + 5 * n, values.length * 2));
      }
      int to;
      boolean escaped;
      if (encoded) {
        value.getBytes(0, n, values, from);
        to = from + n;
        escaped = value.indexOf('%') >= 0;
      } else {
        to = encodeAscii(value, values, from, false);
        if (to >= 0) {
          escaped = to - from != n; // every escape is longer than its character
        } else {
          String e = Percent.encode(value); // not ASCII: rare
          if (from + e.length() > values.length) values = Arrays.copyOf(values, from + e.length());
          e.getBytes(0, e.length(), values, from);
          to = from + e.length();
          escaped = true;
        }
      }
      valuesLength = to;
      addProtocol(name, values, from, to, escaped);
    }

    /** Adds a protocol parameter whose value is a non-negative number. */
    void addProtocolTimestamp(byte[] name, long value) {
      int from = valuesLength;
      if (from + 20 > values.length) values = Arrays.copyOf(values, values.length * 2);
      int digits = 1;
      for (long v = value; v >= 10; v /= 10) digits++;
      int to = from + digits;
      long v = value;
      for (int i = to - 1; i >= from; i--, v /= 10) values[i] = (byte) ('0' + v % 10);
      valuesLength = to;
      addProtocol(name, values, from, to, false);
    }

    /**
     * The base string URI of {@code url}, encoded for the base string: kept from the last call if
     * the URL is the same up to {@code pathEnd}. Null if it is not ASCII.
     */
    byte[] uri(HttpUrl url, String urlString, int pathEnd) {
      String k = uriKey;
      if (k != null && k.length() == pathEnd && urlString.startsWith(k)) return uri;
      String encoded = Percent.encode(BaseString.baseStringUri(url));
      for (int i = 0; i < encoded.length(); i++) {
        if (encoded.charAt(i) >= 0x80) return null;
      }
      uri = ascii(encoded);
      uriKey = urlString.substring(0, pathEnd);
      return uri;
    }

    /**
     * Writes {@code METHOD&uri&parameters} into {@link #base}: the request parameters in sorted
     * order, the protocol parameters as one block in their place. Returns its length, or -1 if the
     * method is not ASCII.
     */
    int writeBaseString(String method, byte[] uri) {
      int bound = method.length() + 2 + uri.length + length + 3 * size + 6 * protocolSize;
      for (int j = 0; j < protocolSize; j++) {
        bound += 3 * (protocolNameTo[j] + protocolValueTo[j] - protocolValueFrom[j]);
      }
      if (base.length < bound) base = new byte[Math.max(bound, base.length * 2)];
      byte[] out = base;
      int pos = 0;
      for (int i = 0, n = method.length(); i < n; i++) {
        char c = method.charAt(i);
        if (c >= 0x80) return -1;
        out[pos++] = (byte) (c >= 'a' && c <= 'z' ? c - 32 : c);
      }
      out[pos++] = '&';
      System.arraycopy(uri, 0, out, pos, uri.length);
      pos += uri.length;
      out[pos++] = '&';

      // Request parameters before the protocol block: those whose names sort before oauth_.
      int k = 0;
      for (; k < size; k++) {
        int i = order[k];
        if (compareBytes(bytes, nameStart[i], nameEnd[i], OAUTH_PREFIX, 0, OAUTH_PREFIX.length)
            > 0) {
          break;
        }
        pos = putRequestParameter(i, k > 0, out, pos);
      }
      for (int j = 0; j < protocolSize; j++) {
        if (k > 0 || j > 0) pos = putAmpersand(out, pos);
        byte[] name = protocolName[j];
        int nameTo = protocolNameTo[j];
        byte[] value = protocolValue[j];
        int from = protocolValueFrom[j];
        int to = protocolValueTo[j];
        if (protocolEscaped[j]) {
          pos = reencode(name, 0, nameTo, out, pos);
          pos = putEquals(out, pos);
          pos = reencode(value, from, to, out, pos);
        } else {
          System.arraycopy(name, 0, out, pos, nameTo);
          pos = putEquals(out, pos + nameTo);
          System.arraycopy(value, from, out, pos, to - from);
          pos += to - from;
        }
      }
      for (; k < size; k++) {
        pos = putRequestParameter(order[k], true, out, pos);
      }
      return pos;
    }

    private int putRequestParameter(int i, boolean ampersand, byte[] out, int pos) {
      if (ampersand) pos = putAmpersand(out, pos);
      int from = nameStart[i];
      int n = valueEnd[i] - from;
      System.arraycopy(bytes, from, out, pos, n);
      return pos + n;
    }

    private static int putAmpersand(byte[] out, int pos) {
      out[pos++] = '%';
      out[pos++] = '2';
      out[pos++] = '6';
      return pos;
    }

    /** Copies encoded bytes, encoding them once more: only {@code %} changes, to {@code %25}. */
    private static int reencode(byte[] in, int from, int to, byte[] out, int pos) {
      for (int i = from; i < to; i++) {
        byte b = in[i];
        out[pos++] = b;
        if (b == '%') {
          out[pos++] = '2';
          out[pos++] = '5';
        }
      }
      return pos;
    }

    /**
     * Writes {@code start name="value", ...}: the protocol parameters in name order, the signature
     * in its place among them.
     */
    @SuppressWarnings("deprecation") // String.getBytes(int, int, byte[], int): a bulk ASCII copy
    String writeHeader(byte[] start, String signature) {
      int bound = start.length + SIGNATURE.length + signature.length() + 5 * (protocolSize + 1);
      for (int j = 0; j < protocolSize; j++) {
        bound += protocolNameTo[j] + protocolValueTo[j] - protocolValueFrom[j];
      }
      if (header.length < bound) header = new byte[Math.max(bound, header.length * 2)];
      byte[] out = header;
      System.arraycopy(start, 0, out, 0, start.length);
      int pos = start.length;
      boolean signatureWritten = false;
      for (int j = 0; j < protocolSize; j++) {
        byte[] name = protocolName[j];
        int nameTo = protocolNameTo[j];
        if (!signatureWritten
            && compareBytes(name, 0, nameTo, SIGNATURE, 0, SIGNATURE.length) > 0) {
          pos = putPair(SIGNATURE, 0, SIGNATURE.length, signature, out, pos);
          signatureWritten = true;
        }
        System.arraycopy(name, 0, out, pos, nameTo);
        pos += nameTo;
        out[pos++] = '=';
        out[pos++] = '"';
        int from = protocolValueFrom[j];
        int n = protocolValueTo[j] - from;
        System.arraycopy(protocolValue[j], from, out, pos, n);
        pos += n;
        out[pos++] = '"';
        out[pos++] = ',';
        out[pos++] = ' ';
      }
      if (!signatureWritten) pos = putPair(SIGNATURE, 0, SIGNATURE.length, signature, out, pos);
      return new String(out, 0, pos - 2, StandardCharsets.ISO_8859_1); // less the last ", "
    }

    @SuppressWarnings("deprecation") // String.getBytes(int, int, byte[], int): a bulk ASCII copy
    private static int putPair(byte[] name, int from, int to, String value, byte[] out, int pos) {
      System.arraycopy(name, from, out, pos, to - from);
      pos += to - from;
      out[pos++] = '=';
      out[pos++] = '"';
      value.getBytes(0, value.length(), out, pos);
      pos += value.length();
      out[pos++] = '"';
      out[pos++] = ',';
      out[pos++] = ' ';
      return pos;
    }
  }

  /**
   * Protocol parameters given decoded ({@link dev.oksign.SigningOptions}' own), encoded once as the
   * header carries them and sorted by name. Immutable: made once per set of options.
   */
  public static final class Protocol {
    final int size;
    final byte[][] names;
    final byte[][] values;
    final boolean[] escaped;

    private Protocol(Map<String, String> parameters) {
      Map<String, String> sorted = new TreeMap<>(); // encoded names: ASCII, in byte order
      for (Map.Entry<String, String> e : parameters.entrySet()) {
        sorted.put(Percent.encode(e.getKey()), Percent.encode(e.getValue()));
      }
      size = sorted.size();
      names = new byte[size][];
      values = new byte[size][];
      escaped = new boolean[size];
      int i = 0;
      for (Map.Entry<String, String> e : sorted.entrySet()) {
        names[i] = ascii(e.getKey());
        values[i] = ascii(e.getValue());
        escaped[i] = e.getKey().indexOf('%') >= 0 || e.getValue().indexOf('%') >= 0;
        i++;
      }
    }

    /** Returns {@code parameters} encoded, or null if there are none. */
    public static Protocol of(Map<String, String> parameters) {
      return parameters.isEmpty() ? null : new Protocol(parameters);
    }
  }

  /**
   * Compares {@code a[aFrom, aTo)} with {@code b[bFrom, bTo)} byte by byte, as {@code
   * Arrays.compare} does from Java 9 (Android's API 26 lacks it). The bytes are ASCII.
   */
  static int compareBytes(byte[] a, int aFrom, int aTo, byte[] b, int bFrom, int bTo) {
    int n = Math.min(aTo - aFrom, bTo - bFrom);
    for (int i = 0; i < n; i++) {
      int c = a[aFrom + i] - b[bFrom + i];
      if (c != 0) return c;
    }
    return (aTo - aFrom) - (bTo - bFrom);
  }
}
