/**
 * An application module that uses oksign from the module path. It requires only {@code
 * dev.oksign}: OkHttp's types reach it through core's {@code requires transitive okhttp3}.
 */
module dev.oksign.jpms {
  requires dev.oksign;
}
