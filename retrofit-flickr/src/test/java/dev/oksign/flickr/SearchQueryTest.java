package dev.oksign.flickr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SearchQueryTest {
  @Test
  void unsetParametersAreNotSent() {
    assertThat(SearchQuery.builder().build().parameters()).isEmpty();
    assertThat(SearchQuery.builder().text("seal").extras(Extras.none()).build().parameters())
        .containsExactly(Map.entry("text", "seal"));
  }

  @Test
  void withPageReplacesOnlyThePaging() {
    SearchQuery query = SearchQuery.builder().text("seal").page(7).perPage(10).build();

    SearchQuery paged = query.withPage(2, 500);

    assertThat(paged.parameters())
        .containsExactly(
            Map.entry("text", "seal"), Map.entry("page", "2"), Map.entry("per_page", "500"));
    assertThat(query.page()).isEqualTo(7);
  }

  @Test
  void otherParametersPassThroughBeforeThePaging() {
    SearchQuery query =
        SearchQuery.builder().parameter("lat", "55.6").parameter("radius", "5").page(1).build();

    assertThat(query.parameters())
        .containsExactly(
            Map.entry("lat", "55.6"), Map.entry("radius", "5"), Map.entry("page", "1"));
  }

  @Test
  void badValuesAreRefusedByName() {
    SearchQuery.Builder builder = SearchQuery.builder();
    assertThatThrownBy(() -> builder.bbox(-181, 0, 0, 0))
        .hasMessage("minLongitude out of range [-180, 180]: -181.0");
    assertThatThrownBy(() -> builder.bbox(0, 10, 1, 5))
        .hasMessage("bbox minimum exceeds maximum: 0.0,10.0,1.0,5.0");
    assertThatThrownBy(() -> builder.perPage(501)).hasMessage("perPage must be 1 to 500: 501");
    assertThatThrownBy(() -> builder.page(0)).hasMessage("page < 1: 0");
    assertThatThrownBy(() -> builder.tags("a,b")).hasMessage("tag contains a comma: a,b");
  }

  @Test
  void extrasAreATypedSetSentCommaSeparated() {
    Extras extras = Extras.of(Extra.URL_O, Extra.GEO, Extra.URL_M);
    assertThat(extras.set()).containsExactly(Extra.GEO, Extra.URL_M, Extra.URL_O);
    assertThat(extras).hasToString("geo,url_m,url_o");
    assertThat(Extras.of(java.util.List.of(Extra.GEO, Extra.URL_M, Extra.URL_O))).isEqualTo(extras);
    assertThat(Extra.of("DATE_UPLOAD")).isEqualTo(Extra.DATE_UPLOAD);
  }
}
