/**
 * An application module that uses oksign from the module path. It requires only oksign's two
 * modules: OkHttp, Retrofit and Moshi reach it through their {@code requires transitive}.
 */
module dev.oksign.jpms {
  requires dev.oksign;
  requires dev.oksign.flickr;
}
