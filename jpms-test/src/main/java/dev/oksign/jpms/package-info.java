/**
 * A program on the module path that uses only what {@code dev.oksign} and {@code dev.oksign.flickr}
 * export, to check the module descriptors. A test module: not published, not API.
 */
package dev.oksign.jpms;
