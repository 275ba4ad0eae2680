package dev.oksign.flickr;

/**
 * What Flickr knows of an access token: the answer of {@code flickr.auth.oauth.checkToken}.
 *
 * @param token the token value (never its secret)
 * @param perms the permission granted, or null if Flickr sent one this library does not know
 * @param nsid the user's NSID
 * @param username the user name
 * @param fullname the user's full name, possibly empty
 */
public record TokenCheck(
    String token, Perms perms, String nsid, String username, String fullname) {}
