package dev.oksign.flickr;

/**
 * The user a call was made for: the answer of {@code flickr.test.login}.
 *
 * @param id the user's NSID, such as {@code 12037949754@N01}
 * @param username the user name
 */
public record User(String id, String username) {}
