package dev.oksign.flickr;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonEncodingException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.Moshi;
import dev.oksign.flickr.internal.FlickrJsonAdapters;
import dev.oksign.flickr.internal.Wire;
import java.io.EOFException;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import okhttp3.ResponseBody;
import okio.BufferedSource;
import retrofit2.Converter;
import retrofit2.Retrofit;

/**
 * Reads Flickr's JSON answers with Moshi, unwrapping the envelope {@code
 * {"photos":{...},"stat":"ok"}}:
 *
 * <ul>
 *   <li>this package's models know their member ({@code photos} for a {@link PhotoPage}) and read
 *       its value, in one pass, skipping any other member: Flickr adds members over time. An answer
 *       without it is read through its one member if it has one, else it is an error.
 *   <li>your own models read the value of the one member besides {@code stat}; an answer with
 *       several is read whole, or, if the whole matches none of the model's names, through the one
 *       member that does. A model that matches none of the names of what it reads (a model of the
 *       envelope, one level off) is an error, never an object of nulls.
 * </ul>
 *
 * Anything unreadable is a {@link FlickrException} naming the JSON path, never a bare Moshi
 * exception.
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
    return new EnvelopeConverter<>(type, moshi.adapter(type), method);
  }

  static final class EnvelopeConverter<T> implements Converter<ResponseBody, T> {
    private final Type type;
    private final JsonAdapter<T> adapter;
    private final String method;

    /** The member this package's model is read from, or null for a model of the user's. */
    private final String member;

    EnvelopeConverter(Type type, JsonAdapter<T> adapter, String method) {
      this.type = type;
      this.adapter = adapter;
      this.method = method;
      this.member = FlickrJsonAdapters.member(type);
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
          return member != null ? readKnownMember(reader) : readUserModel(reader);
        } catch (JsonDataException | JsonEncodingException | EOFException e) {
          throw FlickrException.unexpected(
              method, 200, "unexpected JSON: " + e.getMessage(), null, e);
        }
      }
    }

    /**
     * Reads the value of {@link #member} as it comes, in one pass, skipping every other member; the
     * usual answer, {@code {"photos":{...},"stat":"ok"}}, is read so. An answer without the member
     * is read through its one member, else refused.
     */
    private T readKnownMember(JsonReader reader) throws IOException {
      Object[] value = new Object[1];
      boolean[] found = new boolean[1];
      Envelope envelope;
      try {
        envelope =
            Envelope.scan(
                reader.peekJson(),
                (index, name, r) -> {
                  if (!found[0] && name.equals(member)) {
                    found[0] = true;
                    value[0] = adapter.fromJson(r);
                  } else {
                    r.skipValue();
                  }
                });
      } catch (IOException | RuntimeException e) {
        // A failure whose stat comes after a member that does not read: the failure wins.
        Envelope again;
        try {
          again = Envelope.scan(reader.peekJson());
        } catch (IOException | RuntimeException unreadable) {
          throw e;
        }
        throwIfFailed(again);
        throw e;
      }
      throwIfFailed(envelope);
      if (found[0]) {
        @SuppressWarnings("unchecked") // what the adapter for T read
        T result = (T) value[0];
        return result;
      }
      if (envelope.members.size() == 1) return readMember(reader, envelope.members.get(0));
      throw FlickrException.unexpected(
          method,
          200,
          "the answer has no \""
              + member
              + "\" member to read "
              + typeName()
              + " from (it has "
              + (envelope.members.isEmpty() ? "none" : String.join(", ", envelope.members))
              + ")",
          null,
          null);
    }

    /**
     * Reads a model of the user's: the value of the answer's one member; the whole answer if it has
     * none; if it has several, the whole answer or else the one member whose value the model
     * matches. Whatever is read must match one of the model's names.
     */
    private T readUserModel(JsonReader reader) throws IOException {
      List<Set<String>> names = new ArrayList<>();
      Envelope envelope =
          Envelope.scan(reader.peekJson(), (index, name, r) -> names.add(objectNames(r)));
      throwIfFailed(envelope);
      List<String> members = envelope.members;
      if (members.isEmpty()) return adapter.fromJson(reader);
      if (members.size() == 1) {
        T result = readMember(reader.peekJson(), members.get(0));
        Set<String> modelNames = unmatchedNames(names.get(0), result);
        if (modelNames == null) return result;
        throw FlickrException.unexpected(
            method,
            200,
            "the value of \""
                + members.get(0)
                + "\" (with "
                + String.join(", ", names.get(0))
                + ") read as "
                + typeName()
                + " matched none of its names ("
                + String.join(", ", modelNames)
                + "): an answer {\""
                + members.get(0)
                + "\":{...},\"stat\":\"ok\"} is read as the value of its one member, so model"
                + " that value, not the envelope",
            null,
            null);
      }
      Set<String> envelopeNames = new LinkedHashSet<>(members);
      envelopeNames.add(Wire.STAT);
      T whole = null;
      boolean wholeRead = false;
      try {
        whole = adapter.fromJson(reader.peekJson());
        wholeRead = true;
      } catch (IOException | RuntimeException | AssertionError e) {
        // Moshi's record adapters report a constructor's exception as an AssertionError: the
        // members are tried one by one below.
      }
      if (wholeRead && unmatchedNames(envelopeNames, whole) == null) return whole;
      List<String> matching = new ArrayList<>();
      T result = null;
      for (int i = 0; i < members.size(); i++) {
        if (names.get(i) == null) continue;
        T value;
        try {
          value = readMember(reader.peekJson(), members.get(i));
        } catch (IOException | RuntimeException | AssertionError e) {
          continue;
        }
        if (unmatchedNames(names.get(i), value) == null) {
          matching.add(members.get(i));
          result = value;
        }
      }
      if (matching.size() == 1) return result;
      throw FlickrException.unexpected(
          method,
          200,
          (matching.isEmpty()
                  ? typeName() + " matches neither the answer nor any of its members ("
                  : typeName() + " matches several of the answer's members (")
              + String.join(", ", matching.isEmpty() ? members : matching)
              + ")",
          null,
          null);
    }

    private void throwIfFailed(Envelope envelope) throws FlickrException {
      if (envelope.failed()) throw FlickrException.fail(method, envelope.code, envelope.message);
    }

    /** Reads the value of the top-level member {@code name} of the answer at {@code reader}. */
    private T readMember(JsonReader reader, String name) throws IOException {
      T result = null;
      reader.beginObject();
      while (reader.hasNext()) {
        if (reader.nextName().equals(name)) {
          result = adapter.fromJson(reader);
        } else {
          reader.skipValue();
        }
      }
      reader.endObject();
      return result;
    }

    /** The names of the object at {@code reader}, or null if it is not an object; consumes it. */
    private static Set<String> objectNames(JsonReader reader) throws IOException {
      if (reader.peek() != JsonReader.Token.BEGIN_OBJECT) {
        reader.skipValue();
        return null;
      }
      Set<String> names = new LinkedHashSet<>();
      reader.beginObject();
      while (reader.hasNext()) {
        names.add(reader.nextName());
        reader.skipValue();
      }
      reader.endObject();
      return names;
    }

    /**
     * Returns null if {@code value}, read from an object with {@code names}, matched one of them,
     * or if that cannot be told; else the names of the model, none of which is among {@code names}.
     * The model's names are those Moshi writes it with, nulls included.
     */
    private Set<String> unmatchedNames(Set<String> names, T value) {
      if (names == null || names.isEmpty() || value == null) return null;
      Object written;
      try {
        written = adapter.serializeNulls().toJsonValue(value);
      } catch (RuntimeException | AssertionError e) {
        return null; // a read-only adapter: it cannot say what it reads
      }
      if (!(written instanceof Map<?, ?> map)) return null;
      Set<String> modelNames = new LinkedHashSet<>();
      for (Object key : map.keySet()) {
        if (names.contains(String.valueOf(key))) return null;
        modelNames.add(String.valueOf(key));
      }
      return modelNames;
    }

    private String typeName() {
      return type instanceof Class<?> c ? c.getSimpleName() : type.toString();
    }
  }
}
