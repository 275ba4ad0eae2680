package dev.oksign.flickr;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import okhttp3.ResponseBody;
import okio.BufferedSource;
import retrofit2.Converter;
import retrofit2.Retrofit;

/**
 * Reads Flickr's JSON answers with Moshi, unwrapping the envelope: {@code
 * {"photos":{...},"stat":"ok"}} is read as the value of its one member besides {@code stat}; an
 * answer with several such members is read whole. Anything unreadable is a {@link FlickrException}
 * naming the JSON path, never a bare Moshi exception.
 */
final class FlickrConverterFactory extends Converter.Factory {
  private final Moshi moshi;

  FlickrConverterFactory(Moshi moshi) {
    this.moshi = moshi;
  }

  @Override
  public Converter<ResponseBody, ?> responseBodyConverter(
      Type type, Annotation[] annotations, Retrofit retrofit) {
    String method = null;
    for (Annotation annotation : annotations) {
      if (annotation instanceof FlickrMethod flickrMethod) method = flickrMethod.value();
    }
    return new EnvelopeConverter<>(moshi.adapter(type), method);
  }

  static final class EnvelopeConverter<T> implements Converter<ResponseBody, T> {
    private final JsonAdapter<T> adapter;
    private final String method;

    EnvelopeConverter(JsonAdapter<T> adapter, String method) {
      this.adapter = adapter;
      this.method = method;
    }

    /** What {@link #oneMember} returns for an answer to read whole. */
    private static final Object WHOLE = new Object();

    /** What {@link #oneMember} returns for an answer it leaves to the long way. */
    private static final Object LONG_WAY = new Object();

    /**
     * Scans an answer once, reading its first member besides stat, code and message as {@code T} as
     * it goes. Returns that value (which may be null) if it is the only one, {@link #WHOLE} if
     * there are none or several, or throws the {@code stat=fail} answer. Returns {@link #LONG_WAY}
     * if anything failed: the caller then reads the answer the long way, and reports what is wrong
     * with it as it always has.
     */
    private Object oneMember(JsonReader peek) throws FlickrException {
      Object[] value = new Object[1];
      Envelope envelope;
      try {
        envelope =
            Envelope.scan(
                peek,
                (index, r) -> {
                  if (index == 0) {
                    value[0] = adapter.fromJson(r);
                  } else {
                    r.skipValue();
                  }
                });
      } catch (IOException | RuntimeException | AssertionError e) {
        // The first member of an answer with several may not read as T at all; Moshi's record
        // adapters report a constructor's exception as an AssertionError.
        return LONG_WAY;
      }
      if (envelope.failed()) throw FlickrException.fail(method, envelope.code, envelope.message);
      return envelope.members.size() == 1 ? value[0] : WHOLE;
    }

    @Override
    public T convert(ResponseBody body) throws IOException {
      try (body) {
        BufferedSource source = body.source();
        if (!Envelope.startsWithObject(source)) {
          throw FlickrException.unexpected(
              method, 200, "the answer is not a JSON object", Envelope.snippet(source, 200), null);
        }
        Envelope.skipByteOrderMark(source);
        JsonReader reader = JsonReader.of(source);
        try {
          // The usual answer, {"photos":{...},"stat":"ok"}, is read in one pass: its one member
          // as it comes. One with none or several is then read whole; one that failed is scanned
          // again, then read, which reports the failure.
          Object single = oneMember(reader.peekJson());
          if (single == WHOLE) return adapter.fromJson(reader);
          if (single != LONG_WAY) {
            @SuppressWarnings("unchecked") // what the adapter for T read
            T result = (T) single;
            return result;
          }
          Envelope envelope = Envelope.scan(reader.peekJson());
          if (envelope.failed())
            throw FlickrException.fail(method, envelope.code, envelope.message);
          if (envelope.members.size() != 1) return adapter.fromJson(reader);
          String member = envelope.members.get(0);
          T result = null;
          reader.beginObject();
          while (reader.hasNext()) {
            if (reader.nextName().equals(member)) {
              result = adapter.fromJson(reader);
            } else {
              reader.skipValue();
            }
          }
          reader.endObject();
          return result;
        } catch (JsonDataException
            | com.squareup.moshi.JsonEncodingException
            | java.io.EOFException e) {
          throw FlickrException.unexpected(
              method, 200, "unexpected JSON: " + e.getMessage(), null, e);
        }
      }
    }
  }
}
