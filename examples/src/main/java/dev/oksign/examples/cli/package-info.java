/**
 * The {@code oksign} command line (picocli): the signing calculator, the token flow, Flickr search,
 * photosets and uploads, and an offline demo against a fake Flickr. Not published; not API.
 */
package dev.oksign.examples.cli;
