package dev.oksign.flickr;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the Flickr method a Retrofit interface method calls. {@link Flickr} adds it to the request
 * as {@code method=...}, together with {@code format=json} and {@code nojsoncallback=1}, before the
 * request is signed; a method declaration repeats none of this.
 *
 * <pre>{@code
 * interface MyGalleries {
 *   @GET(".") @FlickrMethod("flickr.galleries.getPhotos")
 *   Call<PhotoPage> getPhotos(@Query("gallery_id") String galleryId,
 *       @Query("page") Integer page, @Query("per_page") Integer perPage);
 * }
 * MyGalleries galleries = flickr.create(MyGalleries.class);
 * }</pre>
 *
 * <p>Use {@code @GET(".")} for read methods and {@code @POST(".")} with {@code @FormUrlEncoded} for
 * write methods: {@code "."} is the REST endpoint itself. For a form POST the added parameters go
 * into the form body, with the method's own fields; otherwise into the query.
 *
 * <p><b>The answer is unwrapped.</b> Flickr answers {@code {"gallery":{"id":"1",...},"stat":"ok"}};
 * the call's result is read from the value of the one member besides {@code stat}, so a model of
 * your own models that value ({@code record Gallery(String id, String owner)}), not the envelope.
 * This package's models are read from their own member ({@code photos} for {@link PhotoPage}),
 * other members skipped. An answer with several members is read whole, or through the one member
 * your model matches. A result that matches none of the names of what it was read from is a {@link
 * FlickrException}, never an object of nulls.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface FlickrMethod {
  /** The Flickr method name, such as {@code flickr.photos.search}. */
  String value();
}
