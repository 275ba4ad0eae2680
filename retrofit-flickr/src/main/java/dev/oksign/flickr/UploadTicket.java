package dev.oksign.flickr;

/**
 * The state of an asynchronous upload's ticket: one entry of {@code
 * flickr.photos.upload.checkTickets}.
 *
 * <pre>{@code
 * UploadResult result = flickr.uploads().upload(upload.newBuilder().async(true).build())
 *     .execute().body();
 * List<UploadTicket> tickets =
 *     flickr.photos().checkUploadTickets(result.ticketId()).execute().body();
 * if (tickets.get(0).status() == UploadTicket.Status.COMPLETE) show(tickets.get(0).photoId());
 * }</pre>
 *
 * @param id the ticket's id
 * @param status how far the upload has gone
 * @param photoId the photo's id once {@link Status#COMPLETE}, else null
 */
public record UploadTicket(String id, Status status, String photoId) {
  /** How far an asynchronous upload has gone. */
  public enum Status {
    /** Flickr has not finished with the photo yet: check again later. */
    PENDING,
    /** The photo is on Flickr: {@link UploadTicket#photoId()} names it. */
    COMPLETE,
    /** Flickr could not take the photo. */
    FAILED,
    /** Flickr knows no such ticket. */
    INVALID
  }
}
