package dev.oksign;

/** Where the signed protocol parameters go (RFC 5849 §3.5). Exactly one place per request. */
public enum Placement {
  /** The {@code Authorization: OAuth ...} header, §3.5.1. The default and the RFC's preference. */
  AUTHORIZATION_HEADER,
  /** The query string of the request URL, §3.5.3. */
  QUERY,
  /**
   * The {@code application/x-www-form-urlencoded} body, §3.5.2. Only for requests with such a body;
   * the signer refuses any other request.
   */
  FORM_BODY
}
