/**
 * Runnable examples of oksign: adding signing to an existing client, authorizing a user, declaring
 * Flickr endpoints, uploading a photo, walking a photoset. Not published.
 */
package dev.oksign.examples;
