package mockwebserver3;

import okhttp3.Headers;
import okio.Buffer;

/** OkHttp 5's immutable {@code mockwebserver3.MockResponse} and its builder. */
public final class MockResponse {
  private final String status;
  private final Headers headers;
  private final Buffer body;

  public MockResponse(int code, Headers headers, String body) {
    this(new Builder().code(code).headers(headers).body(body));
  }

  private MockResponse(Builder builder) {
    this.status = builder.status;
    this.headers = builder.headers.build();
    this.body = builder.body == null ? null : builder.body.clone();
  }

  public String getMessage() {
    String[] parts = status.split(" ", 3);
    return parts.length > 2 ? parts[2] : "";
  }

  public Headers getHeaders() {
    return headers;
  }

  public Builder newBuilder() {
    Builder builder = new Builder();
    builder.status = status;
    builder.headers = headers.newBuilder();
    builder.body = body == null ? null : body.clone();
    return builder;
  }

  okhttp3.mockwebserver.MockResponse toOkHttp4() {
    okhttp3.mockwebserver.MockResponse response =
        new okhttp3.mockwebserver.MockResponse().setStatus(status).setHeaders(headers);
    if (body != null) {
      response.setBody(body.clone());
    }
    return response;
  }

  @Override
  public String toString() {
    return status;
  }

  /** Builds a {@link MockResponse}; starts as {@code 200 OK} with an empty body. */
  public static final class Builder {
    private String status = "HTTP/1.1 200 OK";
    private Headers.Builder headers = new Headers.Builder().add("Content-Length", "0");
    private Buffer body;

    public Builder() {}

    public Builder code(int code) {
      return status("HTTP/1.1 " + code + " " + reasonPhrase(code));
    }

    public Builder status(String status) {
      this.status = status;
      return this;
    }

    public Builder addHeader(String line) {
      headers.add(line);
      return this;
    }

    public Builder addHeader(String name, Object value) {
      headers.add(name, String.valueOf(value));
      return this;
    }

    public Builder headers(Headers headers) {
      this.headers = headers.newBuilder();
      return this;
    }

    public Builder body(String body) {
      return body(new Buffer().writeUtf8(body));
    }

    public Builder body(Buffer body) {
      this.body = body.clone();
      headers.set("Content-Length", String.valueOf(body.size()));
      return this;
    }

    public MockResponse build() {
      return new MockResponse(this);
    }

    private static String reasonPhrase(int code) {
      if (code / 100 == 1) return "Informational";
      if (code / 100 == 2) return "OK";
      if (code / 100 == 3) return "Redirection";
      if (code / 100 == 4) return "Client Error";
      if (code / 100 == 5) return "Server Error";
      return "Mock Response";
    }
  }
}
