/**
 * Flickr as Retrofit interfaces with Moshi models: {@link dev.oksign.flickr.Flickr} is the entry
 * point, signing with oksign, with paging, uploads and typed errors. The one public package of the
 * {@code dev.oksign.flickr} module.
 */
package dev.oksign.flickr;
