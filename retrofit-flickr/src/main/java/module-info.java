/**
 * Flickr's REST API as typed Retrofit interfaces, signed by oksign: {@link
 * dev.oksign.flickr.Flickr} is the entry point, {@link dev.oksign.flickr.Paging} walks paged
 * results.
 *
 * <p>Retrofit ({@code retrofit2}) and Moshi ({@code com.squareup.moshi}) are automatic modules.
 * Flickr's own models are read by hand-written adapters, so this module opens nothing to Moshi.
 */
module dev.oksign.flickr {
  requires transitive dev.oksign;
  requires transitive retrofit2;
  requires transitive com.squareup.moshi;
  requires java.xml; // upload answers are XML
  requires java.logging; // Paging warns of a search cut short at Flickr's limit

  exports dev.oksign.flickr;
}
