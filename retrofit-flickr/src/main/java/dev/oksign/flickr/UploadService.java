package dev.oksign.flickr;

import dev.oksign.SigningOptions;
import dev.oksign.flickr.internal.UploadWire;
import okhttp3.RequestBody;
import retrofit2.Call;
import retrofit2.http.Body;
import retrofit2.http.POST;
import retrofit2.http.Tag;

/**
 * The two upload endpoints, relative to the upload base URL. Bodies are built by {@link
 * FlickrUploads}.
 */
interface UploadService {
  @POST(UploadWire.UPLOAD_PATH)
  Call<UploadResult> upload(@Body RequestBody body, @Tag SigningOptions options);

  @POST(UploadWire.REPLACE_PATH)
  Call<UploadResult> replace(@Body RequestBody body, @Tag SigningOptions options);
}
