/**
 * Test support for users of oksign: a fake Flickr server that verifies signatures as Flickr does,
 * and MockWebServer helpers.
 */
package dev.oksign.testing;
