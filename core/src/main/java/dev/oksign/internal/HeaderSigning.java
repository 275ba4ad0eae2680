package dev.oksign.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
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
 *       {@code oauth_}, which no request parameter's may), written from bytes encoded ahead: the
 *       signer's own when it was built, the names of the nonce, the timestamp and a per-request
 *       token once for all, the options' names once per thread. Only the values that change are
 *       encoded per request; the options' parameters are put in name order among the others through
 *       an index;
 *   <li>the encoded base string URI of the last URL is kept per thread: a client calls few
 *       endpoints;
 *   <li>the base string is written into a reused array by bulk copies and hashed in place, and the
 *       header is written as bytes.
 * </ul>
 *
 * <p>{@link #sign} returns null whenever the request is not the plain case (a parameter that is
 * neither ASCII nor well-formed UTF-8, a {@code %} in the query that starts no escape, a form body
 * that is not a {@link FormBody}, an {@code oauth_*} request parameter, a request of more than
 * {@link #MAX_CHARACTERS} or {@link #MAX_PARAMETERS}): the general path then signs or refuses it.
 */
public final class HeaderSigning {
  /**
   * Requests with more characters than this in their URL, parameters, nonce, token and options take
   * the general path: the arrays each thread keeps stay bounded (tens of KB for an ASCII request, a
   * few hundred at most for options full of non-ASCII characters), and a rare huge request does not
   * pin its memory to the thread.
   */
  static final int MAX_CHARACTERS = 4096;

  /**
   * Requests with more parameters than this take the general path, which is told as soon as the
   * count is passed: the thread's arrays stay small, and the insertion sort short.
   */
  static final int MAX_PARAMETERS = 256;

  private static final byte[] SIGNATURE = ascii(OAuth.SIGNATURE);
  private static final Piece VERSION_PIECE = new Piece(OAuth.VERSION, OAuth.VERSION_1_0);

  /** The parameters whose values are made per request: their names, written as pieces start. */
  private static final Piece NONCE_PIECE = new Piece(OAuth.NONCE, "");

  private static final Piece TIMESTAMP_PIECE = new Piece(OAuth.TIMESTAMP, "");
  private static final Piece TOKEN_PIECE = new Piece(OAuth.TOKEN, "");

  /** {@code oauth_} as the first six bytes of a name's {@link Scratch#key}. */
  private static final long OAUTH_PREFIX_KEY = 0x6f617574685fL;

  private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

  private final HmacSignatureMethod signatureMethod;
  private final String clientSecret;
  private final Piece consumerKeyPiece;
  private final Piece signatureMethodPiece;
  private final boolean includeVersion;
  private final boolean noncesUnreserved;

  /** The signer's own token, percent-encoded, as given and as a piece; or null. */
  private final String encodedTokenString;

  private final Piece tokenPiece;

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
    this.consumerKeyPiece = new Piece(OAuth.CONSUMER_KEY, encodedConsumerKey);
    this.signatureMethodPiece =
        new Piece(OAuth.SIGNATURE_METHOD, Percent.encode(signatureMethod.name()));
    this.includeVersion = includeVersion;
    this.noncesUnreserved = noncesUnreserved;
    this.encodedTokenString = encodedToken;
    this.tokenPiece = encodedToken == null ? null : new Piece(OAuth.TOKEN, encodedToken);
    this.headerStart = ascii(headerStart);
  }

  /**
   * Returns {@code request} with its {@code Authorization} header, or null to leave it to the
   * general path. The caller has checked that the request has no {@code Authorization} header yet.
   * A query with a {@code %} that starts no escape is left to the general path, which names it.
   *
   * @param urlString {@code request.url().toString()}
   * @param queryStart the index of the {@code ?} in {@code urlString}, or -1
   * @param encodedToken the token percent-encoded, or null for none; for the signer's own token,
   *     the very string given to the constructor
   * @param protocolPairs the options' own protocol parameters, decoded: names and values in turn
   *     (an even length), read and never changed
   * @param signedParameters parameters signed but not placed, decoded
   */
  public Request sign(
      Request request,
      String urlString,
      int queryStart,
      String encodedToken,
      String tokenSecret,
      String[] protocolPairs,
      List<Map.Entry<String, String>> signedParameters,
      long timestamp,
      String nonce) {
    if (timestamp < 0) return null;
    HttpUrl url = request.url();
    int end = urlString.length();
    if (url.encodedFragment() != null) end = urlString.indexOf('#', Math.max(queryStart, 0));
    RequestBody body = request.body();
    FormBody form = null;
    if (body instanceof FormBody) {
      form = (FormBody) body; // final, and always of type application/x-www-form-urlencoded
    } else if (body != null && FormBodies.isForm(body.contentType())) {
      return null; // a form the general path reads
    }
    int pathEnd = queryStart >= 0 ? queryStart : end;
    int characters = end + nonce.length(); // the URL up to its fragment, and the nonce
    if (encodedToken != null) characters += encodedToken.length();
    for (String nameOrValue : protocolPairs) characters += nameOrValue.length();
    for (int i = 0, n = signedParameters.size(); i < n; i++) {
      Map.Entry<String, String> e = signedParameters.get(i);
      characters += e.getKey().length() + e.getValue().length();
    }
    if (characters > MAX_CHARACTERS) return null;

    Scratch s = SCRATCH.get();
    s.reset();

    // The request's parameters: the query, a form body's, the options' signed ones.
    if (queryStart >= 0 && !s.addQuery(urlString, queryStart + 1, end)) return null;
    if (form != null) {
      for (int i = 0, n = form.size(); i < n; i++) {
        String name = form.encodedName(i);
        String value = form.encodedValue(i);
        characters += name.length() + value.length(); // counted as they come: read once
        if (characters > MAX_CHARACTERS || !s.addForm(name, value) || s.size > MAX_PARAMETERS) {
          return null;
        }
      }
    }
    for (int i = 0, n = signedParameters.size(); i < n; i++) {
      Map.Entry<String, String> e = signedParameters.get(i);
      s.addDecoded(e.getKey(), e.getValue());
      if (s.size > MAX_PARAMETERS) return null;
    }
    for (int i = 0; i < s.size; i++) {
      // Refused by the general path (or, among the options' signed parameters, mixed with the
      // protocol parameters there, when this path keeps them in one block).
      if ((s.key[i] >>> 16) == OAUTH_PREFIX_KEY) return null;
    }
    s.sort();

    // The protocol parameters: the signer's, in name order, then the options', ordered by index.
    s.resetProtocol();
    s.addProtocol(consumerKeyPiece);
    s.addProtocol(NONCE_PIECE, nonce, noncesUnreserved);
    s.addProtocol(signatureMethodPiece);
    s.addProtocolTimestamp(TIMESTAMP_PIECE, timestamp);
    if (encodedToken == encodedTokenString) {
      if (tokenPiece != null) s.addProtocol(tokenPiece);
    } else if (encodedToken != null) {
      s.addProtocol(TOKEN_PIECE, encodedToken, true);
    }
    if (includeVersion) s.addProtocol(VERSION_PIECE);
    for (int i = 0; i < protocolPairs.length; i += 2) {
      s.addProtocolExtra(protocolPairs[i], protocolPairs[i + 1]);
    }

    // The base string (§3.4.1.1), then its HMAC.
    byte[] uri = s.uri(url, urlString, pathEnd);
    int baseLength = s.writeBaseString(request.method(), uri);
    if (baseLength < 0) return null;
    byte[] digest = signatureMethod.hmac(s.base, 0, baseLength, clientSecret, tokenSecret);

    String authorization = s.writeHeader(headerStart, digest);
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
   * name%3Dvalue}, each part encoded twice. The protocol parameters are kept both as the base
   * string and as the header need them, in the order they were added; {@link #protocolOrder} gives
   * their name order.
   */
  static final class Scratch {
    byte[] bytes = new byte[1024];
    int length;

    /** The characters being transcoded, copied out of their string. */
    char[] chars = new char[512];

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
     * The protocol parameters, as added: each is a range of an array holding its piece of the base
     * string ({@code name%3Dvalue} encoded twice) and a range holding its piece of the header
     * ({@code name="value"} encoded once). The arrays are pieces made ahead, or {@link #values}.
     */
    byte[][] protocolBase = new byte[16][];

    int[] protocolBaseFrom = new int[16];
    int[] protocolBaseTo = new int[16];

    /** Per protocol parameter: where its name ends in its base string piece. */
    int[] protocolNameTo = new int[16];

    byte[][] protocolHeader = new byte[16][];
    int[] protocolHeaderFrom = new int[16];
    int[] protocolHeaderTo = new int[16];

    /** Per protocol parameter: true if its name sorts after {@code oauth_signature}. */
    boolean[] protocolAfterSignature = new boolean[16];

    /** The protocol parameters' indexes, in name order. */
    int[] protocolOrder = new int[16];

    int protocolSize;

    /**
     * The pieces made for this request: the nonce's, the timestamp's, a per-request token's and the
     * options' protocol parameters'.
     */
    byte[] values = new byte[256];

    int valuesLength;

    byte[] base = new byte[1024];
    byte[] header = new byte[512];

    /** The last timestamp written, and its digits. */
    long timestamp = -1;

    final byte[] timestampDigits = new byte[20];
    int timestampLength;

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
      int n = to - from;
      char[] c = chars(n);
      url.getChars(from, to, c, 0);
      // Each character gives at most five bytes, but an '&' none: its five pay for the '%3D' of a
      // pair before it that has no '='. The last pair has no '&' after it (three more), and an
      // empty pair's '%3D' is written, then dropped (three more).
      ensureBytes(5 * n + 6);
      byte[] out = bytes;
      int i = 0;
      while (i <= n) {
        int start = length;
        long r = Percent.transcode(c, i, n, out, start, true, NAME);
        if (r < 0) return false;
        int stop = (int) (r >>> 32);
        int nameEnd = (int) r;
        int valueEnd = putEquals(out, nameEnd);
        if (stop < n && c[stop] == '=') {
          r = Percent.transcode(c, stop + 1, n, out, valueEnd, true, VALUE);
          if (r < 0) return false;
          stop = (int) (r >>> 32);
          valueEnd = (int) r;
        } else if (stop == i) {
          i = stop + 1; // an empty pair is no parameter
          continue;
        }
        endParameter(start, nameEnd, valueEnd);
        if (size > MAX_PARAMETERS) return false;
        i = stop + 1;
      }
      return true;
    }

    private static final int NAME =
        Percent.STOP_AT_AMPERSAND | Percent.STOP_AT_EQUALS | Percent.STRICT_ESCAPES;
    private static final int VALUE = Percent.STOP_AT_AMPERSAND | Percent.STRICT_ESCAPES;

    /** Adds a pair of a form body, as {@code FormBody} holds it encoded. */
    boolean addForm(String name, String value) {
      int n = name.length();
      int v = value.length();
      char[] c = chars(n + v);
      name.getChars(0, n, c, 0);
      value.getChars(0, v, c, n);
      ensureBytes(5 * (n + v) + 3);
      int start = length;
      int pos = Percent.transcodeFormEncoded(c, 0, n, bytes, start, true);
      if (pos < 0) return false;
      int nameEnd = pos;
      pos = putEquals(bytes, pos);
      pos = Percent.transcodeFormEncoded(c, n, n + v, bytes, pos, true);
      if (pos < 0) return false;
      endParameter(start, nameEnd, pos);
      return true;
    }

    /** {@link #chars}, with room for {@code n} characters. */
    private char[] chars(int n) {
      if (chars.length < n) chars = new char[Math.max(n, chars.length * 2)];
      return chars;
    }

    /** Adds a pair given decoded. */
    void addDecoded(String name, String value) {
      int start = length;
      encodeTwice(name);
      ensureBytes(3);
      int nameEnd = length;
      length = putEquals(bytes, length);
      encodeTwice(value);
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

    /** Appends {@code s} percent-encoded per §3.6 twice, as the base string has it. */
    private void encodeTwice(String s) {
      ensureBytes(5 * s.length());
      int pos = encodeAscii(s, bytes, length, true);
      if (pos < 0) {
        // Rare: not ASCII. The general encoder, for its UTF-8 and lone surrogates.
        String encoded = Percent.encode(s);
        ensureBytes(3 * encoded.length());
        pos = Percent.reencodeAscii(encoded, bytes, length);
      }
      length = pos;
    }

    /**
     * Writes {@code s} percent-encoded per §3.6 (and a second time if {@code twice}) at {@code
     * pos}, which has room for five bytes per character; returns the position after, or -1 if
     * {@code s} is not all ASCII.
     */
    private int encodeAscii(String s, byte[] out, int pos, boolean twice) {
      int n = s.length();
      char[] c = chars(n);
      s.getChars(0, n, c, 0);
      return Percent.encodeAscii(c, 0, n, out, pos, twice);
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

    /** Adds a protocol parameter after those added, from its pieces' ranges. */
    private void addProtocol(
        byte[] base,
        int baseFrom,
        int baseTo,
        int nameTo,
        byte[] header,
        int headerFrom,
        int headerTo,
        boolean afterSignature) {
      int i = protocolSize;
      if (i == protocolBase.length) {
        int n = i * 2;
        protocolBase = Arrays.copyOf(protocolBase, n);
        protocolBaseFrom = Arrays.copyOf(protocolBaseFrom, n);
        protocolBaseTo = Arrays.copyOf(protocolBaseTo, n);
        protocolNameTo = Arrays.copyOf(protocolNameTo, n);
        protocolHeader = Arrays.copyOf(protocolHeader, n);
        protocolHeaderFrom = Arrays.copyOf(protocolHeaderFrom, n);
        protocolHeaderTo = Arrays.copyOf(protocolHeaderTo, n);
        protocolAfterSignature = Arrays.copyOf(protocolAfterSignature, n);
        protocolOrder = Arrays.copyOf(protocolOrder, n);
      }
      protocolBase[i] = base;
      protocolBaseFrom[i] = baseFrom;
      protocolBaseTo[i] = baseTo;
      protocolNameTo[i] = nameTo;
      protocolHeader[i] = header;
      protocolHeaderFrom[i] = headerFrom;
      protocolHeaderTo[i] = headerTo;
      protocolAfterSignature[i] = afterSignature;
      protocolOrder[i] = i;
      protocolSize = i + 1;
    }

    /** Adds a protocol parameter whose pieces were made ahead. */
    void addProtocol(Piece piece) {
      addProtocol(
          piece.base,
          0,
          piece.base.length,
          piece.nameLength,
          piece.header,
          0,
          piece.header.length,
          piece.afterSignature);
    }

    /**
     * Adds a protocol parameter given decoded, an option's, and puts its index in its place by name
     * in {@link #protocolOrder} (names are unique: names alone order them). Its name's pieces are
     * made once per thread, by {@link #namePiece}; its value is written into {@link #values}.
     */
    void addProtocolExtra(String name, String value) {
      addProtocol(namePiece(name), value, false);
      int[] order = protocolOrder;
      int j = protocolSize - 1;
      int added = order[j];
      byte[] addedBase = protocolBase[added];
      int addedFrom = protocolBaseFrom[added];
      int addedNameTo = protocolNameTo[added];
      for (; j > 0; j--) {
        int before = order[j - 1];
        byte[] b = protocolBase[before];
        int from = protocolBaseFrom[before];
        if (compareBytes(b, from, protocolNameTo[before], addedBase, addedFrom, addedNameTo) <= 0) {
          break;
        }
        order[j] = before;
      }
      order[j] = added;
    }

    /** How many name pieces a thread keeps: a client's options use a handful of names. */
    private static final int NAME_PIECES = 8;

    /** The pieces made for the options' protocol parameter names, for {@link #namePiece}. */
    private final Piece[] namePieces = new Piece[NAME_PIECES];

    private final String[] pieceNames = new String[NAME_PIECES];

    /** How many are kept, and the slot the next new one takes. */
    private int namePieceCount;

    private int nextNamePiece;

    /**
     * A piece for the protocol parameter {@code name}, made once and kept, as the signer's own
     * names are; past {@link #NAME_PIECES} names, the oldest kept one is replaced.
     */
    Piece namePiece(String name) {
      for (int i = 0; i < namePieceCount; i++) {
        if (pieceNames[i].equals(name)) return namePieces[i];
      }
      Piece piece = new Piece(Percent.encode(name), "");
      int slot = nextNamePiece;
      nextNamePiece = (slot + 1) % NAME_PIECES;
      if (namePieceCount < NAME_PIECES) namePieceCount++;
      pieceNames[slot] = name;
      namePieces[slot] = piece;
      return piece;
    }

    /** Appends {@code s} percent-encoded (once) to {@link #values}; returns where it ends. */
    @SuppressWarnings("deprecation") // String.getBytes(int, int, byte[], int): a bulk ASCII copy
    private int putEncoded(String s) {
      ensureValues(3 * s.length());
      int to = encodeAscii(s, values, valuesLength, false);
      if (to < 0) {
        String encoded = Percent.encode(s); // not ASCII: rare
        ensureValues(encoded.length());
        encoded.getBytes(0, encoded.length(), values, valuesLength);
        to = valuesLength + encoded.length();
      }
      valuesLength = to;
      return to;
    }

    private void ensureValues(int more) {
      if (valuesLength + more > values.length) {
        values = Arrays.copyOf(values, Math.max(valuesLength + more, values.length * 2));
      }
    }

    /**
     * Adds a protocol parameter named by {@code name}, whose value is made now: encoded, unless
     * {@code encoded} says it already is. Its pieces are written into {@link #values}.
     */
    @SuppressWarnings("deprecation") // String.getBytes(int, int, byte[], int): a bulk ASCII copy
    void addProtocol(Piece name, String value, boolean encoded) {
      int n = value.length();
      // The header's piece: name="value".
      ensureValues(name.header.length + 5 * n + 1);
      int headerFrom = valuesLength;
      int from = headerFrom + name.header.length - 1; // the value goes before the closing quote
      System.arraycopy(name.header, 0, values, headerFrom, from - headerFrom);
      int to;
      boolean escaped;
      if (encoded) {
        value.getBytes(0, n, values, from);
        to = from + n;
        escaped = value.indexOf('%') >= 0;
      } else {
        valuesLength = from;
        to = putEncoded(value);
        escaped = to - from != n; // every escape, UTF-8 ones too, is longer than its character
        ensureValues(1);
      }
      values[to++] = '"';
      valuesLength = to;
      endVariable(name, headerFrom, from, to - 1, escaped);
    }

    /** Adds a protocol parameter whose value is a non-negative number. */
    void addProtocolTimestamp(Piece name, long value) {
      ensureValues(name.header.length + 21);
      int headerFrom = valuesLength;
      int from = headerFrom + name.header.length - 1;
      System.arraycopy(name.header, 0, values, headerFrom, from - headerFrom);
      if (value != timestamp) { // a new second: its digits, kept for the requests that follow
        int digits = 1;
        for (long v = value; v >= 10; v /= 10) digits++;
        long v = value;
        for (int i = digits - 1; i >= 0; i--, v /= 10) timestampDigits[i] = (byte) ('0' + v % 10);
        timestampLength = digits;
        timestamp = value;
      }
      System.arraycopy(timestampDigits, 0, values, from, timestampLength);
      int to = from + timestampLength;
      values[to] = '"';
      valuesLength = to + 1;
      endVariable(name, headerFrom, from, to, false);
    }

    /**
     * Writes the base string's piece of a parameter whose header piece is {@code values[headerFrom,
     * to + 1)}, its value at {@code [from, to)}, and adds the parameter.
     */
    private void endVariable(Piece name, int headerFrom, int from, int to, boolean escaped) {
      int n = to - from;
      ensureValues(name.base.length + 3 * n);
      byte[] v = values;
      int baseFrom = valuesLength;
      System.arraycopy(name.base, 0, v, baseFrom, name.base.length);
      int pos = baseFrom + name.base.length;
      if (escaped) {
        pos = reencode(v, from, to, v, pos);
      } else {
        System.arraycopy(v, from, v, pos, n);
        pos += n;
      }
      valuesLength = pos;
      addProtocol(
          v, baseFrom, pos, baseFrom + name.nameLength, v, headerFrom, to + 1, name.afterSignature);
    }

    /**
     * The base string URI of {@code url}, encoded for the base string: kept from the last call if
     * the URL is the same up to {@code pathEnd}.
     */
    byte[] uri(HttpUrl url, String urlString, int pathEnd) {
      String k = uriKey;
      if (k != null && k.length() == pathEnd && urlString.startsWith(k)) return uri;
      uri = ascii(Percent.encode(BaseString.baseStringUri(url))); // unreserved and %XX only
      uriKey = urlString.substring(0, pathEnd);
      return uri;
    }

    /**
     * Writes {@code METHOD&uri&parameters} into {@link #base}: the request parameters in sorted
     * order, the protocol parameters as one block in their place. Returns its length, or -1 if the
     * method is not ASCII.
     */
    int writeBaseString(String method, byte[] uri) {
      int bound = method.length() + 2 + uri.length + length + 3 * (size + protocolSize);
      for (int j = 0; j < protocolSize; j++) bound += protocolBaseTo[j] - protocolBaseFrom[j];
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
        // By its first eight bytes: no request parameter's name starts with oauth_.
        if (key[i] > OAUTH_PREFIX_KEY << 16) break;
        pos = putRequestParameter(i, k > 0, out, pos);
      }
      for (int j = 0; j < protocolSize; j++) {
        if (k > 0 || j > 0) pos = putAmpersand(out, pos);
        int p = protocolOrder[j];
        int from = protocolBaseFrom[p];
        int n = protocolBaseTo[p] - from;
        System.arraycopy(protocolBase[p], from, out, pos, n);
        pos += n;
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

    /**
     * Writes {@code start name="value", ...}: the protocol parameters in name order, the signature
     * in its place among them.
     */
    String writeHeader(byte[] start, byte[] digest) {
      int bound =
          start.length
              + SIGNATURE.length
              + HmacSignatureMethod.encodedBase64Length(digest)
              + 5
              + 2 * protocolSize;
      for (int j = 0; j < protocolSize; j++) bound += protocolHeaderTo[j] - protocolHeaderFrom[j];
      if (header.length < bound) header = new byte[Math.max(bound, header.length * 2)];
      byte[] out = header;
      System.arraycopy(start, 0, out, 0, start.length);
      int pos = start.length;
      boolean signatureWritten = false;
      for (int j = 0; j < protocolSize; j++) {
        int p = protocolOrder[j];
        if (!signatureWritten && protocolAfterSignature[p]) {
          pos = putSignature(digest, out, pos);
          signatureWritten = true;
        }
        int from = protocolHeaderFrom[p];
        int n = protocolHeaderTo[p] - from;
        System.arraycopy(protocolHeader[p], from, out, pos, n);
        pos += n;
        out[pos++] = ',';
        out[pos++] = ' ';
      }
      if (!signatureWritten) pos = putSignature(digest, out, pos);
      return new String(out, 0, pos - 2, StandardCharsets.ISO_8859_1); // less the last ", "
    }

    /** Writes {@code oauth_signature="..."}, and the separator after it. */
    private static int putSignature(byte[] digest, byte[] out, int pos) {
      System.arraycopy(SIGNATURE, 0, out, pos, SIGNATURE.length);
      pos += SIGNATURE.length;
      out[pos++] = '=';
      out[pos++] = '"';
      pos = HmacSignatureMethod.putEncodedBase64(digest, out, pos);
      out[pos++] = '"';
      out[pos++] = ',';
      out[pos++] = ' ';
      return pos;
    }
  }

  /**
   * A protocol parameter made ahead: its piece of the base string, {@code name%3Dvalue} encoded
   * twice, and of the header, {@code name="value"} encoded once.
   */
  static final class Piece {
    final byte[] base;
    final byte[] header;
    final boolean afterSignature;

    /** Where the name ends in {@link #base}. */
    final int nameLength;

    /** From the name and value percent-encoded (once). */
    Piece(String encodedName, String encodedValue) {
      byte[] name = ascii(encodedName);
      byte[] value = ascii(encodedValue);
      byte[] b = new byte[3 * (name.length + value.length) + 3];
      int pos = reencode(name, 0, name.length, b, 0);
      this.nameLength = pos;
      pos = Scratch.putEquals(b, pos);
      pos = reencode(value, 0, value.length, b, pos);
      this.base = Arrays.copyOf(b, pos);
      this.header = ascii(encodedName + "=\"" + encodedValue + "\"");
      this.afterSignature = encodedName.compareTo(OAuth.SIGNATURE) > 0;
    }
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
