package dev.oksign.testing;

import dev.oksign.Verification;
import dev.oksign.testing.internal.Forms;
import dev.oksign.testing.internal.Xml;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.MultipartReader;
import okio.Buffer;

/**
 * The upload API of a {@link FakeFlickr}: {@code /services/upload/} and {@code /services/replace/}
 * take {@code multipart/form-data} as Flickr does, and remember what they received. Get it from
 * {@link FakeFlickr#uploads()}.
 *
 * <pre>{@code
 * UploadResult result = flickr.uploads().upload(upload).execute().body();
 * FakeFlickrUploads.Upload received = fake.uploads().received().get(0);
 * assertThat(received.field("title")).isEqualTo("Harbour");
 * }</pre>
 *
 * <p>Each upload is checked as Flickr checks it:
 *
 * <ol>
 *   <li>the OAuth signature, computed over the query and every multipart field <em>except</em>
 *       {@code photo} (a field also in the query with the same value counts once), with the OAuth
 *       parameters in the {@code Authorization} header, in multipart fields, or in both with the
 *       same values (not both under {@link FakeFlickr.Builder#strictPlacement()}): a client that
 *       signed the photo, or left a field such as {@code title} out, is refused with HTTP 401 and
 *       {@code oauth_problem=signature_invalid&debug_sbs=...};
 *   <li>an access token with {@code write} permission: else error 99;
 *   <li>a {@code photo} part (error 2), not empty (error 4), of a type Flickr takes, recognised by
 *       its first bytes: JPEG, PNG, GIF, TIFF, WebP, HEIC, MP4, QuickTime or AVI (error 5);
 *   <li>for a replace, a {@code photo_id} of a photo of the token's user, among the fake's data or
 *       earlier uploads (error 1).
 * </ol>
 *
 * <p>Answers are Flickr's XML: {@code <photoid>}, {@code <ticketid>} for {@code async=1}, {@code
 * <photoid secret=".." originalsecret="..">} for a replace, or {@code <rsp stat="fail"><err
 * code="N" msg="..."/></rsp>}. The REST method {@code flickr.photos.upload.checkTickets} reports
 * tickets: complete at once, unless {@link #holdTickets(boolean) held}. Thread-safe.
 */
public final class FakeFlickrUploads {
  /** The path of the upload endpoint. */
  public static final String UPLOAD_PATH = "/services/upload/";

  /** The path of the replace endpoint. */
  public static final String REPLACE_PATH = "/services/replace/";

  private static final String XML = "text/xml; charset=utf-8";

  private final FakeFlickr fake;
  private final Random random;
  private final List<Upload> received = new ArrayList<>();
  private final Map<String, Ticket> tickets = new LinkedHashMap<>();
  private long nextPhotoId = 53_000_000_001L;
  private long nextTicketId = 263_000_001L;
  private boolean holdTickets;

  FakeFlickrUploads(FakeFlickr fake) {
    this.fake = fake;
    this.random = new Random(fake.data.seed() ^ 0x75706c6f6164L);
  }

  /** Everything received and accepted so far, in order. */
  public synchronized List<Upload> received() {
    return List.copyOf(received);
  }

  /**
   * Whether new tickets stay incomplete ({@code complete="0"}) until {@link #completeTickets()};
   * false by default, so a ticket is complete as soon as it is issued.
   */
  public synchronized void holdTickets(boolean holdTickets) {
    this.holdTickets = holdTickets;
  }

  /** Completes every ticket issued so far. */
  public synchronized void completeTickets() {
    for (Ticket ticket : tickets.values()) ticket.complete = true;
  }

  /** An upload or replace the fake accepted. Immutable. */
  public static final class Upload {
    private final boolean replace;
    private final String photoId;
    private final String ticketId;
    private final String userNsid;
    private final List<Map.Entry<String, String>> fields;
    private final String fileName;
    private final String mediaType;
    private final byte[] photo;

    Upload(
        boolean replace,
        String photoId,
        String ticketId,
        String userNsid,
        List<Map.Entry<String, String>> fields,
        String fileName,
        String mediaType,
        byte[] photo) {
      this.replace = replace;
      this.photoId = photoId;
      this.ticketId = ticketId;
      this.userNsid = userNsid;
      this.fields = List.copyOf(fields);
      this.fileName = fileName;
      this.mediaType = mediaType;
      this.photo = photo;
    }

    /** True for {@code /services/replace/}, false for {@code /services/upload/}. */
    public boolean isReplace() {
      return replace;
    }

    /** The id of the photo created or replaced. */
    public String photoId() {
      return photoId;
    }

    /** The ticket answered for {@code async=1}, or null. */
    public String ticketId() {
      return ticketId;
    }

    /** The NSID of the token's user. */
    public String userNsid() {
      return userNsid;
    }

    /** The text fields, every multipart part but {@code photo}, in the order received. */
    public List<Map.Entry<String, String>> fields() {
      return fields;
    }

    /** The value of the text field {@code name}, or null if it was not sent. */
    public String field(String name) {
      for (Map.Entry<String, String> field : fields) {
        if (field.getKey().equals(name)) return field.getValue();
      }
      return null;
    }

    /** The {@code filename} of the photo part, or null. */
    public String fileName() {
      return fileName;
    }

    /** The {@code Content-Type} of the photo part, or null. */
    public String mediaType() {
      return mediaType;
    }

    /** The photo's bytes, a copy. */
    public byte[] photo() {
      return photo.clone();
    }

    /** The photo's size in bytes. */
    public int photoSize() {
      return photo.length;
    }

    @Override
    public String toString() {
      return (replace ? "Replace[" : "Upload[")
          + photoId
          + (ticketId == null ? "" : ", ticket " + ticketId)
          + ", "
          + fileName
          + ", "
          + photo.length
          + " bytes, fields="
          + fields.stream().map(Map.Entry::getKey).toList()
          + "]";
    }
  }

  /** A ticket, under its id in {@code tickets}; read and written under this object's lock. */
  private static final class Ticket {
    final String photoId;
    boolean complete;

    Ticket(String photoId, boolean complete) {
      this.photoId = photoId;
      this.complete = complete;
    }
  }

  // ---- Endpoints -------------------------------------------------------------------------

  /** Answers a request to {@link #UPLOAD_PATH} or {@link #REPLACE_PATH}. */
  Answer handle(RecordedRequest request) {
    boolean replace = request.getUrl().encodedPath().startsWith("/services/replace");
    if (!"POST".equals(request.getMethod())) {
      return xmlFail(2, "No photo specified");
    }
    List<Map.Entry<String, String>> fields = new ArrayList<>();
    Part photo;
    try {
      photo = readParts(request, fields);
    } catch (IOException | RuntimeException e) {
      return xmlFail(2, "No photo specified");
    }

    // 1. The signature, over every field but the photo. Like Flickr, take the OAuth parameters
    // from multipart fields too, as some clients send them (some in the header as well: see
    // FakeFlickr.Builder#strictPlacement). They are handed to the verifier as a form body, so that
    // its placement rules apply to them as to any other body.
    Headers headers = request.getHeaders();
    List<Map.Entry<String, String>> protocol = new ArrayList<>();
    List<Map.Entry<String, String>> signed = new ArrayList<>();
    HttpUrl url = request.getUrl();
    for (Map.Entry<String, String> field : fields) {
      if (field.getKey().startsWith("oauth_")) {
        protocol.add(field);
      } else if (!inQuery(url, field)) {
        // A field also sent in the query, with the same value, is signed once, as Flickr counts
        // it: clients such as flickr4java send the upload's parameters in both.
        signed.add(field);
      }
    }
    byte[] form = null;
    if (!protocol.isEmpty()) {
      form = Forms.write(protocol).getBytes(StandardCharsets.UTF_8);
      headers =
          headers.newBuilder().set("Content-Type", "application/x-www-form-urlencoded").build();
    }
    Verification v =
        fake.verifier.verify(request.getMethod(), fake.signedUrl(url), headers, form, signed);
    if (!v.isValid()) return FakeFlickrDispatcher.refused(v);

    // 2. A user's token with write permission.
    Tokens.State token = v.token() == null ? null : fake.tokens.get(v.token());
    if (token != null
        && (token.kind != Tokens.Kind.ACCESS || !token.consumerKey.equals(v.consumerKey()))) {
      return FakeFlickrDispatcher.problem(401, "oauth_problem=token_rejected");
    }
    String perms = token == null ? null : token.perms;
    if (Tokens.permsLevel(perms) < 1) {
      return xmlFail(
          99,
          "Insufficient permissions. Method requires write privileges; "
              + (perms == null ? "none" : perms)
              + " granted.");
    }
    String nsid = token.user.nsid();

    // 3. The photo.
    if (photo == null) return xmlFail(2, "No photo specified");
    if (photo.bytes.length == 0) return xmlFail(4, "Filesize was zero");
    if (!recognised(photo.bytes)) return xmlFail(5, "Filetype was not recognised");

    boolean async = "1".equals(value(fields, "async"));
    synchronized (this) {
      String photoId;
      if (replace) {
        photoId = value(fields, "photo_id");
        if (photoId == null || !ownedBy(photoId, nsid)) return xmlFail(1, "Photo not found");
      } else {
        photoId = Long.toString(nextPhotoId++);
      }
      String ticketId = null;
      if (async) {
        ticketId = Long.toString(nextTicketId++);
        tickets.put(ticketId, new Ticket(photoId, !holdTickets));
      }
      received.add(
          new Upload(
              replace,
              photoId,
              ticketId,
              nsid,
              fields,
              photo.fileName,
              photo.mediaType,
              photo.bytes));
      if (ticketId != null) return xmlOk("<ticketid>" + ticketId + "</ticketid>");
      if (replace) {
        return xmlOk(
            "<photoid secret=\""
                + hex(10)
                + "\" originalsecret=\""
                + hex(10)
                + "\">"
                + photoId
                + "</photoid>");
      }
      return xmlOk("<photoid>" + photoId + "</photoid>");
    }
  }

  /**
   * The result of {@code flickr.photos.upload.checkTickets} for the comma-separated {@code
   * tickets}, in Flickr's JSON shape: {@code {"uploader":{"ticket":[{"id":"1","complete":1,
   * "photoid":"2"}, {"id":"3","invalid":1}]}}}.
   */
  synchronized Map<String, Object> checkTickets(String ids) {
    List<Object> out = new ArrayList<>();
    if (ids != null) {
      for (String id : ids.split(",", -1)) {
        id = id.trim();
        if (id.isEmpty()) continue;
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", id);
        Ticket ticket = tickets.get(id);
        if (ticket == null) {
          item.put("invalid", 1);
        } else if (ticket.complete) {
          item.put("complete", 1);
          item.put("photoid", ticket.photoId);
          item.put("imported", "1700000000");
        } else {
          item.put("complete", 0);
        }
        out.add(item);
      }
    }
    return Map.of("uploader", Map.of("ticket", out));
  }

  private boolean ownedBy(String photoId, String nsid) {
    for (Upload upload : received) {
      if (upload.photoId.equals(photoId)) return upload.userNsid.equals(nsid);
    }
    FakeFlickrData.Photo photo = fake.data.photo(photoId);
    return photo != null && photo.owner().equals(nsid);
  }

  // ---- Multipart ---------------------------------------------------------------------------

  private record Part(String fileName, String mediaType, byte[] bytes) {}

  /** Adds the text fields to {@code fields} and returns the photo part, or null if none. */
  private static Part readParts(RecordedRequest request, List<Map.Entry<String, String>> fields)
      throws IOException {
    String contentType = request.getHeaders().get("Content-Type");
    MediaType type = contentType == null ? null : MediaType.parse(contentType);
    if (type == null
        || !type.type().equals("multipart")
        || !type.subtype().equals("form-data")
        || type.parameter("boundary") == null) {
      throw new IOException("not multipart/form-data: " + contentType);
    }
    Buffer buffer = new Buffer();
    buffer.write(request.body());
    Part photo = null;
    try (MultipartReader reader = new MultipartReader(buffer, type.parameter("boundary"))) {
      for (MultipartReader.Part part; (part = reader.nextPart()) != null; ) {
        String disposition = part.headers().get("Content-Disposition");
        Map<String, String> params = dispositionParameters(disposition);
        String name = params.get("name");
        if (name == null) throw new IOException("a part has no name: " + disposition);
        if (name.equals("photo")) {
          photo =
              new Part(
                  params.get("filename"),
                  part.headers().get("Content-Type"),
                  part.body().readByteArray());
        } else {
          fields.add(Map.entry(name, part.body().readString(StandardCharsets.UTF_8)));
        }
      }
    }
    return photo;
  }

  /** {@code form-data; name="title"; filename="a.jpg"} as name to value, quotes removed. */
  static Map<String, String> dispositionParameters(String disposition) throws IOException {
    if (disposition == null) throw new IOException("a part has no Content-Disposition");
    Map<String, String> params = new LinkedHashMap<>();
    int i = disposition.indexOf(';');
    if (i < 0 || !disposition.substring(0, i).trim().equalsIgnoreCase("form-data")) {
      throw new IOException("not form-data: " + disposition);
    }
    while (i < disposition.length()) {
      i++; // past ';'
      int eq = disposition.indexOf('=', i);
      if (eq < 0) break;
      String key = disposition.substring(i, eq).trim().toLowerCase(Locale.ROOT);
      int j = eq + 1;
      StringBuilder value = new StringBuilder();
      if (j < disposition.length() && disposition.charAt(j) == '"') {
        j++;
        while (j < disposition.length() && disposition.charAt(j) != '"') {
          char c = disposition.charAt(j++);
          if (c == '\\' && j < disposition.length()) c = disposition.charAt(j++);
          value.append(c);
        }
        j++; // past the closing quote
        int semi = disposition.indexOf(';', j);
        j = semi < 0 ? disposition.length() : semi;
      } else {
        int semi = disposition.indexOf(';', j);
        int end = semi < 0 ? disposition.length() : semi;
        value.append(disposition, j, end);
        j = end;
      }
      // Browsers and OkHttp escape '"', CR and LF in quoted names as %22, %0D and %0A.
      params.put(
          key,
          value.toString().trim().replace("%22", "\"").replace("%0D", "\r").replace("%0A", "\n"));
      i = j;
    }
    return params;
  }

  /** JPEG, PNG, GIF, TIFF, WebP, HEIC/MP4/QuickTime (ISO base media) or AVI, by their magic. */
  static boolean recognised(byte[] b) {
    if (starts(b, 0, 0xFF, 0xD8, 0xFF)) return true; // JPEG
    if (starts(b, 0, 0x89, 'P', 'N', 'G')) return true;
    if (starts(b, 0, 'G', 'I', 'F', '8')) return true;
    if (starts(b, 0, 'I', 'I', '*', 0) || starts(b, 0, 'M', 'M', 0, '*')) return true; // TIFF
    if (starts(b, 0, 'R', 'I', 'F', 'F')
        && (starts(b, 8, 'W', 'E', 'B', 'P') || starts(b, 8, 'A', 'V', 'I', ' '))) {
      return true;
    }
    return starts(b, 4, 'f', 't', 'y', 'p'); // HEIC, MP4, QuickTime
  }

  private static boolean starts(byte[] b, int offset, int... magic) {
    if (b.length < offset + magic.length) return false;
    for (int i = 0; i < magic.length; i++) {
      if ((b[offset + i] & 0xff) != magic[i]) return false;
    }
    return true;
  }

  private static boolean inQuery(HttpUrl url, Map.Entry<String, String> field) {
    for (int i = 0, n = url.querySize(); i < n; i++) {
      if (url.queryParameterName(i).equals(field.getKey())
          && field.getValue().equals(url.queryParameterValue(i))) {
        return true;
      }
    }
    return false;
  }

  private static String value(List<Map.Entry<String, String>> fields, String name) {
    for (Map.Entry<String, String> field : fields) {
      if (field.getKey().equals(name)) return field.getValue();
    }
    return null;
  }

  // ---- Answers -----------------------------------------------------------------------------

  private String hex(int length) {
    StringBuilder out = new StringBuilder(length);
    for (int i = 0; i < length; i++) out.append(Character.forDigit(random.nextInt(16), 16));
    return out.toString();
  }

  private static Answer xmlOk(String content) {
    return xml(
        "<?xml version=\"1.0\" encoding=\"utf-8\" ?>\n<rsp stat=\"ok\">\n"
            + content
            + "\n</rsp>\n");
  }

  private static Answer xmlFail(int code, String message) {
    return xml(Xml.fail(code, message));
  }

  private static Answer xml(String body) {
    return Answer.of(200, XML, body);
  }

  @Override
  public String toString() {
    synchronized (this) {
      return "FakeFlickrUploads[" + received.size() + " received, " + tickets.size() + " tickets]";
    }
  }
}
