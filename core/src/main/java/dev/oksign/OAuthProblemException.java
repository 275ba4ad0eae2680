package dev.oksign;

import dev.oksign.internal.BaseStringDiagnosis;
import dev.oksign.internal.FormResponse;
import dev.oksign.internal.OAuth;
import dev.oksign.internal.Percent;
import dev.oksign.internal.SecretMask;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A provider refused an OAuth request, or answered the token flow with something that is not a
 * usable answer: an {@code oauth_problem} such as {@code signature_invalid} or {@code
 * timestamp_refused}, an HTML error page, an empty body, a form without {@code oauth_token}.
 *
 * <pre>{@code
 * try {
 *   flow.accessToken(requestToken, verifier);
 * } catch (OAuthProblemException e) {
 *   if (e.knownProblem() == OAuthProblem.SIGNATURE_INVALID) System.err.println(e.diagnosis());
 * }
 * }</pre>
 *
 * <p>For {@code signature_invalid}, {@link #diagnosis()} explains the refusal: when the provider
 * sent its own base string ({@code debug_sbs}, as Flickr does) it says where it first differs from
 * the one we signed (scheme, host, port, path, a parameter only one side saw, a value encoded
 * differently); otherwise it lists the usual causes next to our base string. Nothing here holds a
 * secret: the values of fields named {@code *secret*} are masked in the body snippet and the
 * parameters, whatever separates the fields ({@code &}, {@code ;}, JSON, XML) and however their
 * names are encoded ({@code oauth_token_s%65cret}, a body percent-encoded whole); names are decoded
 * as a provider would before they are looked at, and where a value's end is in doubt, the rest is
 * masked.
 */
public final class OAuthProblemException extends OAuth1Exception {
  private static final long serialVersionUID = 1L;
  private static final int SNIPPET_LENGTH = 200;

  private final int httpStatus;
  private final String problem;
  private final String advice;

  // Unmodifiable JDK collections, serializable in practice; javac 18+ warns on the declared types.
  @SuppressWarnings("serial")
  private final List<String> parametersAbsent;

  @SuppressWarnings("serial")
  private final Map<String, String> parameters;

  private final String bodySnippet;
  private final String diagnosis;

  /**
   * True for a {@code timestamp_refused} after which {@link OAuth1Interceptor} corrected its clock
   * offset, so that one retry can succeed.
   */
  private final boolean clockCorrected;

  private OAuthProblemException(
      String message,
      int httpStatus,
      String problem,
      Map<String, String> parameters,
      String bodySnippet,
      String diagnosis,
      boolean clockCorrected) {
    super(message);
    this.clockCorrected = clockCorrected;
    this.httpStatus = httpStatus;
    this.problem = problem;
    this.parameters = parameters;
    this.advice = parameters.get(OAuth.PROBLEM_ADVICE);
    String absent = parameters.get(OAuth.PARAMETERS_ABSENT);
    List<String> names = new ArrayList<>();
    if (absent != null) {
      for (String name : absent.split("&")) {
        if (!name.isEmpty()) names.add(Percent.decode(name, false));
      }
    }
    this.parametersAbsent = Collections.unmodifiableList(names);
    this.bodySnippet = bodySnippet;
    this.diagnosis = diagnosis;
  }

  /**
   * The refusal that an {@link OAuth1Interceptor} built with {@link
   * OAuth1Interceptor.Builder#throwOnRefusal(boolean) throwOnRefusal(false)} returned as this
   * response, with its problem and diagnosis; null if the response is not such a refusal. Pass the
   * response OkHttp returned, or a Retrofit {@code Response}'s {@code raw()}.
   *
   * <pre>{@code
   * Response<PhotoPage> response = service.search("seal").execute();
   * if (!response.isSuccessful()) {
   *   OAuthProblemException refusal = OAuthProblemException.from(response.raw());
   *   if (refusal != null) System.err.println(refusal.problem() + ": " + refusal.diagnosis());
   * }
   * }</pre>
   */
  public static OAuthProblemException from(okhttp3.Response response) {
    if (response == null) throw new NullPointerException("response == null");
    // The network slot's response is kept by OkHttp as networkResponse(); an interceptor in the
    // application slot returns its own. Each carries the request the interceptor tagged.
    for (okhttp3.Response r = response; r != null; r = r.networkResponse()) {
      OAuthProblemException refusal = r.request().tag(OAuthProblemException.class);
      if (refusal != null) return refusal;
    }
    return null;
  }

  /**
   * Builds the exception for a response of {@code httpStatus} with {@code body}.
   *
   * @param what the step, for the message: {@code "request_token"}, {@code "GET
   *     https://api.flickr.com/services/rest/"}
   * @param ourBaseString the base string we signed, or null if unknown
   * @param failure why the answer is not usable, or null to describe the body's {@code
   *     oauth_problem} or status
   */
  static OAuthProblemException of(
      String what, int httpStatus, String body, String ourBaseString, String failure) {
    return of(what, httpStatus, body, null, ourBaseString, failure);
  }

  /**
   * As {@link #of(String, int, String, String, String)}, with the fields of a {@code
   * WWW-Authenticate: OAuth} header, used when the body holds no {@code oauth_problem}.
   */
  static OAuthProblemException of(
      String what,
      int httpStatus,
      String body,
      Map<String, String> headerFields,
      String ourBaseString,
      String failure) {
    return of(what, httpStatus, body, headerFields, ourBaseString, failure, false);
  }

  /**
   * As {@link #of(String, int, String, Map, String, String)}, for a {@code timestamp_refused} after
   * which the clock offset was corrected if {@code clockCorrected}.
   */
  static OAuthProblemException of(
      String what,
      int httpStatus,
      String body,
      Map<String, String> headerFields,
      String ourBaseString,
      String failure,
      boolean clockCorrected) {
    Map<String, String> bodyForm = body == null ? null : FormResponse.parse(body);
    Map<String, String> form = bodyForm;
    if (headerFields != null && (form == null || form.get(OAuth.PROBLEM) == null)) {
      form = headerFields;
    }
    Map<String, String> parameters = Collections.emptyMap();
    if (form != null) {
      Map<String, String> masked = new LinkedHashMap<>();
      for (Map.Entry<String, String> e : form.entrySet()) {
        // A name can hide a field the provider separated otherwise ("t;oauth_token_secret=S"), or
        // the whole of a body encoded once more: mask inside names and values too.
        String key = SecretMask.mask(e.getKey());
        String value =
            SecretMask.mentionsSecret(e.getKey()) ? SecretMask.MASK : SecretMask.mask(e.getValue());
        masked.putIfAbsent(key, value);
      }
      parameters = Collections.unmodifiableMap(masked);
    }
    String problem = parameters.get(OAuth.PROBLEM);
    String snippet = snippet(body);

    String diagnosis = null;
    if (OAuthProblem.SIGNATURE_INVALID.wireName().equals(problem)) {
      String server = parameters.get(FormResponse.DEBUG_SBS);
      if (server != null && ourBaseString != null) {
        diagnosis = BaseStringDiagnosis.compare(server, ourBaseString);
      } else {
        diagnosis = BaseStringDiagnosis.usualSuspects(ourBaseString);
      }
    } else if (OAuthProblem.TIMESTAMP_REFUSED.wireName().equals(problem)) {
      diagnosis =
          BaseStringDiagnosis.timestampRefused(
              parameters.get(OAuth.ACCEPTABLE_TIMESTAMPS), ourBaseString);
    }

    StringBuilder message = new StringBuilder();
    message.append(what).append(": HTTP ").append(httpStatus);
    if (problem != null) message.append(", oauth_problem=").append(problem);
    String advice = parameters.get(OAuth.PROBLEM_ADVICE);
    if (advice != null) message.append(" (").append(advice).append(')');
    String absent = parameters.get(OAuth.PARAMETERS_ABSENT);
    if (absent != null) message.append(", parameters absent: ").append(absent);
    String rejected = parameters.get(OAuth.PARAMETERS_REJECTED);
    if (rejected != null) message.append(", parameters rejected: ").append(rejected);
    if (failure != null) {
      message.append(": ").append(failure);
    } else if (problem == null) {
      message.append(
          body == null || body.trim().isEmpty()
              ? ": the body is empty"
              : form == null ? ": the body is not a form" : ": no oauth_problem in the body");
    }
    if (snippet != null && problem == null) message.append("\nBody: ").append(snippet);
    if (diagnosis != null) message.append('\n').append(diagnosis);
    return new OAuthProblemException(
        message.toString(), httpStatus, problem, parameters, snippet, diagnosis, clockCorrected);
  }

  /** This refusal, its message saying why the call was not retried. */
  OAuthProblemException notRetried(String why) {
    OAuthProblemException copy =
        new OAuthProblemException(
            getMessage() + "\nNot retried: " + why,
            httpStatus,
            problem,
            parameters,
            bodySnippet,
            diagnosis,
            false);
    copy.initCause(this);
    return copy;
  }

  /** The start of the body on one line, the values of secret fields masked; null if empty. */
  private static String snippet(String body) {
    if (body == null || body.trim().isEmpty()) return null;
    String text = body.trim();
    // Cut first (a bounded amount of work), then mask whatever looks like a secret field, whether
    // or not the whole body parsed as a form: a token answer with a stray line is still a secret.
    if (text.length() > SNIPPET_LENGTH * 4) text = text.substring(0, SNIPPET_LENGTH * 4);
    text = SecretMask.mask(text).replaceAll("\\s+", " ");
    return text.length() <= SNIPPET_LENGTH ? text : text.substring(0, SNIPPET_LENGTH) + "…";
  }

  /** True if a retry may succeed: the clock offset was corrected after this refusal. */
  boolean clockCorrected() {
    return clockCorrected;
  }

  /** The HTTP status of the response, such as 401. */
  public int httpStatus() {
    return httpStatus;
  }

  /**
   * The {@code oauth_problem} as sent, such as {@code signature_invalid}, or null if the response
   * had none (an HTML page, an empty body, a form missing {@code oauth_token}).
   */
  public String problem() {
    return problem;
  }

  /** The {@link #problem()} as a known constant, or null if there is none or it is not known. */
  public OAuthProblem knownProblem() {
    return OAuthProblem.fromWireName(problem);
  }

  /** The {@code oauth_problem_advice}: the provider's words for a person, or null. */
  public String advice() {
    return advice;
  }

  /** The names in {@code oauth_parameters_absent}, empty if none. */
  public List<String> parametersAbsent() {
    return parametersAbsent;
  }

  /**
   * Every field of the refusal, decoded, when it was a form: {@code oauth_problem}, {@code
   * oauth_parameters_rejected}, {@code oauth_acceptable_timestamps}, {@code debug_sbs}... Fields
   * named {@code *secret*} are masked. Empty if the body was not a form.
   */
  public Map<String, String> parameters() {
    return parameters;
  }

  /** The first 200 characters of the body on one line, secrets masked; null if it was empty. */
  public String bodySnippet() {
    return bodySnippet;
  }

  /**
   * For {@code signature_invalid}, a few lines saying why the signature was refused (see the class
   * documentation); for {@code timestamp_refused}, the timestamp we sent, the range the provider
   * accepts ({@code oauth_acceptable_timestamps}) and the skew between the clocks; null for other
   * problems.
   */
  public String diagnosis() {
    return diagnosis;
  }

  /**
   * Compares a server's signature base string (Flickr's {@code debug_sbs}) with the one a client
   * signed, and says in plain words where they first differ: scheme, host, port, path, a parameter
   * only one side signed, a value encoded differently. Both base strings follow, one per line. For
   * signing calculators and tests; an {@code OAuthProblemException} already carries this as {@link
   * #diagnosis()}.
   *
   * <pre>{@code
   * System.err.println(OAuthProblemException.diagnose(debugSbs, signer.report(request).baseString()));
   * }</pre>
   */
  public static String diagnose(String serverBaseString, String ourBaseString) {
    if (serverBaseString == null) throw new NullPointerException("serverBaseString == null");
    if (ourBaseString == null) throw new NullPointerException("ourBaseString == null");
    return BaseStringDiagnosis.compare(serverBaseString, ourBaseString);
  }
}
