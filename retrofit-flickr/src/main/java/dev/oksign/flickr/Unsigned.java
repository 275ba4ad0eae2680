package dev.oksign.flickr;

/**
 * Request tag of a Flickr call made without any token: it carries {@code api_key} and is sent
 * unsigned.
 */
enum Unsigned {
  INSTANCE
}
