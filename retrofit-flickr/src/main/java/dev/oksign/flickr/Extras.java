package dev.oksign.flickr;

import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A set of {@link Extra}s, as one {@code extras} parameter: {@code Extras.of(Extra.URL_M,
 * Extra.DATE_UPLOAD)} is sent as {@code extras=url_m,date_upload}. Immutable.
 *
 * <p>Declare it as a Retrofit {@code @Query("extras")} parameter in an interface of your own; its
 * {@link #toString()} is the wire form.
 */
public final class Extras {
  private static final Extras NONE = new Extras(EnumSet.noneOf(Extra.class));

  private final Set<Extra> set;

  private Extras(EnumSet<Extra> set) {
    this.set = Collections.unmodifiableSet(set);
  }

  /** Returns the given extras. */
  public static Extras of(Extra... extras) {
    return of(Arrays.asList(extras));
  }

  /** Returns the given extras. */
  public static Extras of(Collection<Extra> extras) {
    if (extras.isEmpty()) return NONE;
    for (Extra extra : extras) {
      if (extra == null) throw new NullPointerException("extras contains null");
    }
    return new Extras(EnumSet.copyOf(extras));
  }

  /** Returns no extra; sent as no {@code extras} parameter at all when passed as null instead. */
  public static Extras none() {
    return NONE;
  }

  /** The extras, in declaration order. */
  public Set<Extra> set() {
    return set;
  }

  /** True if there is no extra. */
  public boolean isEmpty() {
    return set.isEmpty();
  }

  /** The wire form: the names joined by commas, such as {@code url_m,date_upload}. */
  @Override
  public String toString() {
    return set.stream().map(Extra::wireName).collect(Collectors.joining(","));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Extras other && other.set.equals(set);
  }

  @Override
  public int hashCode() {
    return set.hashCode();
  }
}
