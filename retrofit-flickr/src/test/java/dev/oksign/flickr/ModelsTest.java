package dev.oksign.flickr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import dev.oksign.flickr.internal.FlickrJsonAdapters;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.ResponseBody;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The models against every form Flickr sends a field in, and the envelope around them. */
class ModelsTest {
  private final Moshi moshi = new Moshi.Builder().add(FlickrJsonAdapters.FACTORY).build();

  private <T> T read(Class<T> type, String json) throws IOException {
    return moshi.adapter(type).fromJson(json);
  }

  private <T> T unwrap(Class<T> type, String json) throws IOException {
    FlickrConverterFactory.EnvelopeConverter<T> converter =
        new FlickrConverterFactory.EnvelopeConverter<>(
            type, moshi.adapter(type), "flickr.test.method");
    return converter.convert(ResponseBody.create(json, MediaType.get("application/json")));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"page\":2,\"pages\":3,\"perpage\":100,\"total\":250,\"photo\":[]}",
        "{\"page\":\"2\",\"pages\":\"3\",\"perpage\":\"100\",\"total\":\"250\",\"photo\":[]}",
        "{\"page\":2,\"pages\":\"3\",\"per_page\":100,\"total\":\"250\",\"photo\":[]}",
        "{\"total\":\"250\",\"photo\":[],\"per_page\":\"100\",\"perpage\":100,\"pages\":3,\"page\":\"2\"}",
        "{\"page\":2.0,\"pages\":3,\"perpage\":100,\"total\":\" 250 \",\"photo\":[]}",
      })
  void pagingFieldsInEveryForm(String json) throws IOException {
    PhotoPage page = read(PhotoPage.class, json);
    assertThat(page).isEqualTo(new PhotoPage(2, 3, 100, 250, java.util.List.of()));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"id\":\"7\",\"ispublic\":1,\"isfriend\":0,\"isfamily\":1,\"farm\":5}",
        "{\"id\":\"7\",\"ispublic\":\"1\",\"isfriend\":\"0\",\"isfamily\":\"1\",\"farm\":\"5\"}",
        "{\"id\":7,\"ispublic\":true,\"isfriend\":false,\"isfamily\":true,\"farm\":5}",
        "{\"id\":\"7\",\"ispublic\":1,\"isfriend\":null,\"isfamily\":1,\"farm\":5.0}",
      })
  void photoBooleansAndNumbersInEveryForm(String json) throws IOException {
    Photo photo = read(Photo.class, json);
    assertThat(photo.id()).isEqualTo("7");
    assertThat(photo.isPublic()).isTrue();
    assertThat(photo.isFriend()).isFalse();
    assertThat(photo.isFamily()).isTrue();
    assertThat(photo.farm()).isEqualTo(5);
  }

  @Test
  void photoKeepsEveryOtherFieldAsTextExtras() throws IOException {
    Photo photo =
        read(
            Photo.class,
            "{\"id\":\"1\",\"owner\":\"o@N01\",\"secret\":\"s\",\"server\":\"2\",\"title\":{\"_content\":\"Pier\"},"
                + "\"dateupload\":\"1700489051\",\"height_m\":333,\"width_m\":\"500\",\"description\":{\"_content\":\"A"
                + " pier\"},\"latitude\":51.5,\"machine_tags\":\"\","
                + "\"notes\":{\"note\":[]},\"tags_list\":[\"a\"]}");
    assertThat(photo.title()).isEqualTo("Pier");
    assertThat(photo.extras())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "dateupload", "1700489051",
                "height_m", "333",
                "width_m", "500",
                "description", "A pier",
                "latitude", "51.5",
                "machine_tags", ""));
    assertThat(photo.extra(Extra.DATE_UPLOAD)).isEqualTo("1700489051");
    assertThat(photo.extra(Extra.DESCRIPTION)).isEqualTo("A pier");
    assertThat(photo.dateUploaded()).isEqualTo(Instant.ofEpochSecond(1700489051));
  }

  @Test
  void photoWithoutIdIsRefusedWithItsPath() {
    assertThatThrownBy(
            () -> read(PhotoPage.class, "{\"photo\":[{\"id\":\"1\"},{\"title\":\"x\"}]}"))
        .isInstanceOf(JsonDataException.class)
        .hasMessageContaining("$.photo[1]");
  }

  @Test
  void booleanOtherThanZeroOrOneIsRefused() {
    assertThatThrownBy(() -> read(Photo.class, "{\"id\":\"1\",\"ispublic\":\"2\"}"))
        .isInstanceOf(JsonDataException.class)
        .hasMessage("Expected 0 or 1 but was \"2\" at path $.ispublic");
  }

  @Test
  void photosetPageGivesEachPhotoTheSetsOwner() throws IOException {
    PhotosetPage set = unwrap(PhotosetPage.class, Fixtures.json("photosets.getPhotos.json"));
    assertThat(set.id()).isEqualTo("72157624618609504");
    assertThat(set.owner()).isEqualTo("47058503995@N01");
    assertThat(set.ownerName()).isEqualTo("George");
    assertThat(set.title()).isEqualTo("Brighton");
    assertThat(set.primary()).isEqualTo("4882347946");
    assertThat(set.page()).isEqualTo(1);
    assertThat(set.pages()).isEqualTo(1);
    assertThat(set.perPage()).isEqualTo(500);
    assertThat(set.total()).isEqualTo(2);
    assertThat(set.photos()).extracting(Photo::owner).containsOnly("47058503995@N01");
    assertThat(set.photos().get(0).extras()).containsEntry("isprimary", "1");
    assertThat(set.photos().get(1).pageUrl().toString())
        .isEqualTo("https://www.flickr.com/photos/47058503995@N01/4882947112/");
  }

  @Test
  void photosetListReadsCountsTitlesAndDatesInEveryForm() throws IOException {
    PhotosetList list = unwrap(PhotosetList.class, Fixtures.json("photosets.getList.json"));
    assertThat(list.total()).isEqualTo(2);
    Photoset brighton = list.photosets().get(0);
    assertThat(brighton)
        .isEqualTo(
            new Photoset(
                "72157624618609504",
                "47058503995@N01",
                "George",
                "Brighton",
                "A day by the sea",
                "4882347946",
                "a4b8d7b2b2",
                "4078",
                5,
                2,
                0,
                137,
                Instant.ofEpochSecond(1281361345),
                Instant.ofEpochSecond(1356165304)));
    Photoset tests = list.photosets().get(1);
    assertThat(tests.photos()).isEqualTo(40);
    assertThat(tests.videos()).isEqualTo(1);
    assertThat(tests.views()).isZero();
    assertThat(tests.description()).isEmpty();
    assertThat(tests.created()).isEqualTo(Instant.ofEpochSecond(1100000000));
    assertThat(tests.updated()).isNull();
  }

  @Test
  void photosReadsTheRecordedSearch() throws IOException {
    PhotoPage page = unwrap(PhotoPage.class, Fixtures.json("photos.search.json"));
    assertThat(page.page()).isEqualTo(1);
    assertThat(page.pages()).isEqualTo(25);
    assertThat(page.perPage()).isEqualTo(2);
    assertThat(page.total()).isEqualTo(50);
    Photo seal = page.photos().get(0);
    assertThat(seal)
        .isEqualTo(
            new Photo(
                "53370254981",
                "43866431@N00",
                "5b4d1f6f3a",
                "65535",
                66,
                "Harbour seal, Farne Islands",
                true,
                false,
                false,
                Map.of(
                    "dateupload", "1700489051",
                    "url_m", "https://live.staticflickr.com/65535/53370254981_5b4d1f6f3a.jpg",
                    "height_m", "333",
                    "width_m", "500")));
    // The URL Flickr sent and the one built from its documented scheme agree.
    assertThat(seal.url(PhotoSize.MEDIUM_500).toString()).isEqualTo(seal.extra(Extra.URL_M));
    assertThat(page.photos().get(1).title()).isEmpty();
  }

  @Test
  void userReadsContentWrappedAndPlainNames() throws IOException {
    assertThat(unwrap(User.class, Fixtures.json("test.login.json")))
        .isEqualTo(new User("12037949754@N01", "Bees"));
    assertThat(read(User.class, "{\"nsid\":\"1@N01\",\"username\":\"plain\"}"))
        .isEqualTo(new User("1@N01", "plain"));
  }

  @Test
  void tokenCheckReadsPermsAndUser() throws IOException {
    assertThat(unwrap(TokenCheck.class, Fixtures.json("auth.oauth.checkToken.json")))
        .isEqualTo(
            new TokenCheck(
                "72157626318069415-087bfc7b5816092c",
                Perms.WRITE,
                "47058503995@N01",
                "George",
                "George Oates"));
    assertThat(read(TokenCheck.class, "{\"perms\":{\"_content\":\"admin\"}}").perms()).isNull();
  }

  @Test
  void envelopeWithSeveralMembersIsReadWhole() throws IOException {
    // flickr.photos.getContext answers with two members besides stat.
    JsonAdapter<Map<String, Object>> adapter =
        moshi.adapter(Types.newParameterizedType(Map.class, String.class, Object.class));
    FlickrConverterFactory.EnvelopeConverter<Map<String, Object>> converter =
        new FlickrConverterFactory.EnvelopeConverter<>(
            Map.class, adapter, "flickr.photos.getContext");
    Map<String, Object> whole =
        converter.convert(
            ResponseBody.create(
                "{\"prevphoto\":{\"id\":\"1\"},\"nextphoto\":{\"id\":\"3\"},\"stat\":\"ok\"}",
                MediaType.get("application/json")));
    assertThat(whole.keySet()).containsExactly("prevphoto", "nextphoto", "stat");
  }

  @Test
  void everyEnvelopeShapeReadsAsBefore() throws IOException {
    JsonAdapter<Map<String, Object>> adapter =
        moshi.adapter(Types.newParameterizedType(Map.class, String.class, Object.class));
    FlickrConverterFactory.EnvelopeConverter<Map<String, Object>> converter =
        new FlickrConverterFactory.EnvelopeConverter<>(Map.class, adapter, "flickr.test.echo");
    // No member besides stat: read whole.
    assertThat(converter.convert(json("{\"stat\":\"ok\"}"))).containsOnlyKeys("stat");
    // One member, read whatever its place, even null.
    assertThat(converter.convert(json("{\"stat\":\"ok\",\"echo\":{\"a\":\"b\"}}")))
        .containsEntry("a", "b");
    assertThat(converter.convert(json("{\"echo\":null,\"stat\":\"ok\"}"))).isNull();
    // A failure whose stat comes first, with a member that is not a Map: the failure wins.
    assertThatThrownBy(
            () ->
                converter.convert(
                    json("{\"stat\":\"fail\",\"code\":1,\"message\":\"no\",\"x\":1}")))
        .isInstanceOf(FlickrException.class)
        .hasMessage("flickr.test.echo failed: 1 no");
  }

  @Test
  void anyFailureOfTheFirstMemberOfSeveralTakesTheLongWay() throws IOException {
    // An adapter that cannot read a number at all, and says so with its own exception: the first
    // member of this answer is a number, but the answer has several and is read whole.
    JsonAdapter<Object> objectsOnly =
        new JsonAdapter<Object>() {
          @Override
          public Object fromJson(com.squareup.moshi.JsonReader reader) throws IOException {
            if (reader.peek() == com.squareup.moshi.JsonReader.Token.NUMBER) {
              throw new IllegalStateException("not an object");
            }
            return reader.readJsonValue();
          }

          @Override
          public void toJson(com.squareup.moshi.JsonWriter writer, Object value) {
            throw new UnsupportedOperationException();
          }
        };
    FlickrConverterFactory.EnvelopeConverter<Object> converter =
        new FlickrConverterFactory.EnvelopeConverter<>(
            Object.class, objectsOnly, "flickr.photos.getContext");
    Object whole =
        converter.convert(json("{\"count\":5,\"prevphoto\":{\"id\":\"1\"},\"stat\":\"ok\"}"));
    assertThat(whole).isInstanceOf(Map.class);
    assertThat(((Map<?, ?>) whole).keySet())
        .map(Object::toString)
        .containsExactly("count", "prevphoto", "stat");
  }

  @Test
  void answerStartingWithAByteOrderMarkIsRead() throws IOException {
    assertThat(unwrap(User.class, "\uFEFF" + Fixtures.json("test.login.json")))
        .isEqualTo(new User("12037949754@N01", "Bees"));
    assertThatThrownBy(
            () ->
                unwrap(
                    PhotoPage.class,
                    "\uFEFF{\"stat\":\"fail\",\"code\":\"1\",\"message\":\"User not found\"}"))
        .isInstanceOf(FlickrException.class)
        .hasMessage("flickr.test.method failed: 1 User not found");
  }

  private static ResponseBody json(String json) {
    return ResponseBody.create(json, MediaType.get("application/json"));
  }

  @Test
  void envelopeOfAFailureIsAFlickrExceptionEvenPastTheInterceptor() {
    assertThatThrownBy(
            () ->
                unwrap(
                    PhotoPage.class,
                    "{\"stat\":\"fail\",\"code\":\"1\",\"message\":\"User not found\"}"))
        .isInstanceOf(FlickrException.class)
        .hasMessage("flickr.test.method failed: 1 User not found");
  }

  @Test
  void bodyThatIsNotAnObjectIsAFlickrException() {
    assertThatThrownBy(() -> unwrap(PhotoPage.class, "jsonFlickrApi({\"stat\":\"ok\"})"))
        .isInstanceOf(FlickrException.class)
        .hasMessage(
            "flickr.test.method failed: the answer is not a JSON object:"
                + " jsonFlickrApi({\"stat\":\"ok\"})");
  }

  @Test
  void modelsAreReadOnly() {
    assertThatThrownBy(() -> moshi.adapter(User.class).toJson(new User("1", "u")))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
