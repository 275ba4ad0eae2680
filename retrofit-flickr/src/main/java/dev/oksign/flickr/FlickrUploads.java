package dev.oksign.flickr;

import dev.oksign.SigningOptions;
import dev.oksign.Token;
import dev.oksign.flickr.internal.Api26;
import dev.oksign.flickr.internal.UploadWire;
import dev.oksign.flickr.internal.UploadXml;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.MultipartBody;
import okhttp3.OkHttpClient;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import retrofit2.Call;
import retrofit2.Converter;
import retrofit2.Retrofit;

/**
 * Flickr's upload API: {@code upload/} and {@code replace/} under the {@linkplain
 * Flickr#uploadBaseUrl() upload base URL}. Get one from {@link Flickr#uploads()}; its calls are
 * signed with the {@link Flickr}'s token, which needs {@code write} permission.
 *
 * <pre>{@code
 * PhotoUpload upload = PhotoUpload.builder(Path.of("harbour.jpg")).title("Harbour").build();
 * UploadResult result = flickr.uploads().upload(upload).execute().body();
 * System.out.println(result.photoId());
 * }</pre>
 *
 * <p><b>Signing.</b> Flickr takes uploads as {@code multipart/form-data}, which RFC 5849 does not
 * sign, yet requires every field except the photo in the signature. Each call therefore carries its
 * {@linkplain PhotoUpload#fields() text fields} twice from one list: as the multipart text parts,
 * and as {@link SigningOptions.Builder#signedParameter(String, String) signed parameters}, which
 * enter the base string without being placed anywhere. The photo part is never read to sign. The
 * OAuth parameters go in the {@code Authorization} header.
 *
 * <p><b>Answers.</b> Flickr answers in XML whatever the format asked. {@code <photoid>} and {@code
 * <ticketid>} become an {@link UploadResult}; {@code <rsp stat="fail"><err code="N" msg="..."/>} a
 * {@link FlickrException} with that code and message; an HTTP error or a body that is not Flickr's
 * XML a {@link FlickrException} with the status and the start of the body. An OAuth refusal (HTTP
 * 401 {@code oauth_problem=signature_invalid}) is core's {@link dev.oksign.OAuthProblemException},
 * as for every other call. The XML parser refuses any DOCTYPE or entity, so an answer can never
 * make it read a file or the network.
 *
 * <p>Immutable and thread-safe.
 */
public final class FlickrUploads {
  /** The method name {@link FlickrException}s of {@code upload/} carry. */
  static final String UPLOAD = "upload";

  /** The method name {@link FlickrException}s of {@code replace/} carry. */
  static final String REPLACE = "replace";

  private static final int SNIPPET_CHARS = 200;

  private final HttpUrl uploadBaseUrl;
  private final Token token;
  private final Supplier<String> boundaries;
  private final UploadService service;

  FlickrUploads(OkHttpClient client, HttpUrl uploadBaseUrl, Token token) {
    this(client, uploadBaseUrl, token, () -> UUID.randomUUID().toString());
  }

  /** With {@code boundaries} fixed, for tests of the exact bytes sent. */
  FlickrUploads(
      OkHttpClient client, HttpUrl uploadBaseUrl, Token token, Supplier<String> boundaries) {
    this.uploadBaseUrl = uploadBaseUrl;
    this.token = token;
    this.boundaries = boundaries;
    OkHttpClient withErrors = client.newBuilder().addInterceptor(new HttpErrors()).build();
    this.service =
        new Retrofit.Builder()
            .baseUrl(uploadBaseUrl)
            .client(withErrors)
            .addConverterFactory(new XmlConverterFactory())
            .build()
            .create(UploadService.class);
  }

  /**
   * Uploads a photo or video: a {@code POST} to {@code upload/}.
   *
   * @throws IllegalStateException if the {@link Flickr} has no token: uploads need a user's token
   *     with {@code write} permission
   */
  public Call<UploadResult> upload(PhotoUpload upload) {
    if (upload == null) throw new NullPointerException("upload == null");
    List<Map.Entry<String, String>> fields = upload.fields();
    return service.upload(body(fields, upload), signing(fields));
  }

  /**
   * Replaces the photo {@code photoId} with {@code photo}: a {@code POST} to {@code replace/}. The
   * replacement keeps the photo's title, description, tags and permissions, so {@code photo} may
   * carry no field but {@linkplain PhotoUpload.Builder#async(boolean) async}.
   *
   * @throws IllegalArgumentException if {@code photoId} is blank or {@code photo} sets a field
   *     other than {@code async}
   * @throws IllegalStateException if the {@link Flickr} has no token
   */
  public Call<UploadResult> replace(String photoId, PhotoUpload photo) {
    if (photoId == null) throw new NullPointerException("photoId == null");
    if (Api26.isBlank(photoId)) throw new IllegalArgumentException("photoId is blank");
    if (photo == null) throw new NullPointerException("photo == null");
    List<Map.Entry<String, String>> fields = new ArrayList<>();
    fields.add(new AbstractMap.SimpleImmutableEntry<>(UploadWire.PHOTO_ID, photoId));
    for (Map.Entry<String, String> field : photo.fields()) {
      if (!field.getKey().equals(UploadWire.ASYNC)) {
        throw new IllegalArgumentException(
            "replace takes the photo and async only, not "
                + field.getKey()
                + ": a replaced photo keeps its title, description, tags and permissions");
      }
      fields.add(field);
    }
    return service.replace(body(fields, photo), signing(fields));
  }

  /** The URL uploads are sent to: {@code upload/} under the upload base URL. */
  public HttpUrl uploadUrl() {
    return uploadBaseUrl.resolve(UploadWire.UPLOAD_PATH);
  }

  /** The URL replacements are sent to: {@code replace/} under the upload base URL. */
  public HttpUrl replaceUrl() {
    return uploadBaseUrl.resolve(UploadWire.REPLACE_PATH);
  }

  /** The multipart body: one text part per field, in order, then the photo. */
  private MultipartBody body(List<Map.Entry<String, String>> fields, PhotoUpload photo) {
    MultipartBody.Builder body =
        new MultipartBody.Builder(boundaries.get()).setType(MultipartBody.FORM);
    for (Map.Entry<String, String> field : fields) {
      body.addFormDataPart(field.getKey(), field.getValue());
    }
    body.addFormDataPart(
        UploadWire.PHOTO,
        photo.fileName(),
        new PhotoBody(photo.source, photo.mediaType(), photo.progressListener()));
    return body.build();
  }

  /** The same fields, signed but not placed; the photo is not among them. */
  private SigningOptions signing(List<Map.Entry<String, String>> fields) {
    if (token == null) {
      throw new IllegalStateException(
          "uploads need a user's access token with write permission: build Flickr with"
              + " token(...), or use flickr.withToken(token).uploads()");
    }
    SigningOptions.Builder options = SigningOptions.builder().token(token);
    for (Map.Entry<String, String> field : fields) {
      options.signedParameter(field.getKey(), field.getValue());
    }
    return options.build();
  }

  private static String method(HttpUrl url) {
    return url.encodedPath().endsWith("/" + UploadWire.REPLACE_PATH) ? REPLACE : UPLOAD;
  }

  @Override
  public String toString() {
    return "FlickrUploads[" + uploadBaseUrl + ", token=" + token + "]";
  }

  /** HTTP errors and OAuth refusals, which Retrofit would hand back without throwing. */
  private static final class HttpErrors implements Interceptor {
    @Override
    public Response intercept(Chain chain) throws IOException {
      Response response = chain.proceed(chain.request());
      if (response.isSuccessful()) return response;
      throw FlickrCalls.httpError(method(chain.request().url()), response);
    }
  }

  private static final class XmlConverterFactory extends Converter.Factory {
    @Override
    public Converter<ResponseBody, ?> responseBodyConverter(
        Type type, Annotation[] annotations, Retrofit retrofit) {
      if (type != UploadResult.class) return null;
      String method = UPLOAD;
      for (Annotation annotation : annotations) {
        if (annotation instanceof retrofit2.http.POST post
            && post.value().equals(UploadWire.REPLACE_PATH)) {
          method = REPLACE;
        }
      }
      String name = method;
      return body -> convert(body, name);
    }
  }

  static UploadResult convert(ResponseBody body, String method) throws IOException {
    byte[] bytes;
    try (body) {
      BufferedSource source = body.source();
      if (source.request(UploadXml.MAX_BYTES + 1L)) {
        throw FlickrException.unexpected(
            method,
            200,
            "the answer is larger than "
                + UploadXml.MAX_BYTES
                + " bytes, so not Flickr's upload XML",
            Envelope.snippet(source, SNIPPET_CHARS),
            null);
      }
      bytes = source.readByteArray();
    }
    UploadXml.Answer answer;
    try {
      answer = UploadXml.parse(bytes, FlickrException.NO_CODE);
    } catch (UploadXml.NotFlickrXml e) {
      throw FlickrException.unexpected(
          method,
          200,
          e.getMessage(),
          Envelope.snippet(new Buffer().write(bytes), SNIPPET_CHARS),
          e);
    }
    if (!answer.ok) {
      throw FlickrException.fail(method, answer.code, answer.msg == null ? "" : answer.msg);
    }
    return new UploadResult(answer.photoId, answer.ticketId, answer.secret, answer.originalSecret);
  }
}
