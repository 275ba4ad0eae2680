package dev.oksign.flickr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import retrofit2.Call;
import retrofit2.http.GET;
import retrofit2.http.Query;

/**
 * Flickr adds members to its answers over time: a member nobody asked for is skipped and the known
 * one read; a model that matches nothing of the answer is an error, never an empty object.
 */
class EnvelopeMembersTest {
  @StartStop MockWebServer server = new MockWebServer();

  private static final String TWO_PHOTOS =
      "{\"page\":1,\"pages\":1,\"perpage\":500,\"total\":2,\"photo\":["
          + "{\"id\":\"1\",\"owner\":\"1@N01\",\"title\":\"a\"},"
          + "{\"id\":\"2\",\"owner\":\"1@N01\",\"title\":\"b\"}]}";

  @Test
  void searchDeliversItsPhotosPastAnExtraTopLevelMember() {
    server.enqueue(
        Fixtures.body(
            "{\"photos\":" + TWO_PHOTOS + ",\"extra\":{\"page\":9,\"x\":[]},\"stat\":\"ok\"}"));
    server.enqueue(
        Fixtures.body(
            "{\"extra\":{\"explore\":true},\"photos\":" + TWO_PHOTOS + ",\"stat\":\"ok\"}"));
    Flickr flickr = Fixtures.direct(server).build();
    SearchQuery query = SearchQuery.builder().text("seal").build();

    assertThat(Paging.search(flickr.photos(), query).build().stream().map(Photo::id))
        .containsExactly("1", "2");
    assertThat(Paging.search(flickr.photos(), query).build().stream().map(Photo::id))
        .containsExactly("1", "2");
  }

  @Test
  void answerWithoutTheKnownMemberIsAFlickrException() {
    server.enqueue(
        Fixtures.body("{\"gallery\":{\"id\":\"1\"},\"extra\":{\"x\":1},\"stat\":\"ok\"}"));
    Flickr flickr = Fixtures.direct(server).build();

    assertThatThrownBy(
            () -> flickr.photos().search(SearchQuery.builder().text("x").build()).execute())
        .isInstanceOf(FlickrException.class)
        .hasMessageContaining("no \"photos\" member")
        .hasMessageContaining("gallery, extra");
  }

  /** The value of {@code gallery} in {@code {"gallery":{...},"stat":"ok"}}, as the recipe says. */
  public record Gallery(String id, String owner, int count_photos) {}

  /** The whole envelope, one level off: the answer is unwrapped before it is read. */
  public record GalleryAnswer(Gallery gallery) {}

  interface Galleries {
    @GET(".")
    @FlickrMethod("flickr.galleries.getInfo")
    Call<Gallery> getInfo(@Query("gallery_id") String id);

    @GET(".")
    @FlickrMethod("flickr.galleries.getInfo")
    Call<GalleryAnswer> getInfoOneLevelOff(@Query("gallery_id") String id);
  }

  private static final String GALLERY =
      "{\"id\":\"6065-72157617483228192\",\"owner\":\"35468148136@N01\",\"count_photos\":\"17\"}";

  @Test
  void userModelOfTheMembersValueIsReadPastAnExtraMember() throws Exception {
    server.enqueue(Fixtures.body("{\"gallery\":" + GALLERY + ",\"stat\":\"ok\"}"));
    server.enqueue(
        Fixtures.body(
            "{\"gallery\":" + GALLERY + ",\"extra\":{\"note\":\"new\"},\"stat\":\"ok\"}"));
    Galleries galleries = Fixtures.direct(server).build().create(Galleries.class);
    Gallery expected = new Gallery("6065-72157617483228192", "35468148136@N01", 17);

    assertThat(galleries.getInfo("g").execute().body()).isEqualTo(expected);
    assertThat(galleries.getInfo("g").execute().body()).isEqualTo(expected);
  }

  @Test
  void userModelThatMatchesNothingIsAFlickrExceptionNotAnEmptyObject() {
    server.enqueue(Fixtures.body("{\"gallery\":" + GALLERY + ",\"stat\":\"ok\"}"));
    Galleries galleries = Fixtures.direct(server).build().create(Galleries.class);

    assertThatThrownBy(() -> galleries.getInfoOneLevelOff("g").execute())
        .isInstanceOf(FlickrException.class)
        .hasMessageContaining("flickr.galleries.getInfo")
        .hasMessageContaining("\"gallery\"")
        .hasMessageContaining("GalleryAnswer")
        .hasMessageContaining("matched none of its names")
        .hasMessageContaining("id, owner, count_photos");
  }
}
