/**
 * Moshi adapters, Flickr wire names, the upload wire format and its XML answers, behind {@link
 * dev.oksign.flickr.Flickr}. Not API: the module does not export this package, and anything in it
 * may change in any release.
 */
package dev.oksign.flickr.internal;
