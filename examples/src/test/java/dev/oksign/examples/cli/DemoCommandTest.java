package dev.oksign.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oksign.testing.FakeFlickrData;
import java.util.List;
import org.junit.jupiter.api.Test;

class DemoCommandTest {
  static final FakeFlickrData DATA = FakeFlickrData.generate();

  /** The summary the demo must print, worked out from the fake's data, not from the demo. */
  static String expectedSummaryAfterVerifier() {
    List<FakeFlickrData.Photo> set = DATA.photoset(FakeFlickrData.PHOTOSET_1234_ID).photos();
    List<FakeFlickrData.Photo> found = DATA.search(DemoCommand.SEARCH_TEXT, null, null, null);
    int searchPages = (found.size() + 499) / 500;
    // request_token, authorize page, access_token, test.login, 3 photoset pages, the search pages
    int requests = 4 + 3 + searchPages;
    return " copied from the authorize page, access token for oksign-demo (Ada Demo,"
        + " 71234567@N00)\n"
        + "test.login:  71234567@N00 oksign-demo\n"
        + "photoset:    72157600000001234, 1234 photos in 3 pages, \""
        + set.get(0).title()
        + "\" to \""
        + set.get(1233).title()
        + "\"\n"
        + "search:      \"harbour\", "
        + found.size()
        + " photos in "
        + searchPages
        + " pages, \""
        + found.get(0).title()
        + "\" to \""
        + found.get(found.size() - 1).title()
        + "\"\n"
        + "requests:    "
        + requests
        + ", of which "
        + (requests - 1)
        + " signed with HMAC-SHA1 and verified by the fake\n";
  }

  static void assertDemoOutput(String out) {
    assertThat(out).startsWith("authorized:  verifier ");
    String verifier =
        out.substring("authorized:  verifier ".length(), "authorized:  verifier ".length() + 11);
    assertThat(verifier).matches("\\d{3}-\\d{3}-\\d{3}");
    assertThat(out.substring("authorized:  verifier ".length() + 11))
        .isEqualTo(expectedSummaryAfterVerifier());
  }

  @Test
  void runsTheWholeJobOfflineAndExits0() {
    Cli cli = Cli.run("demo");
    assertThat(cli.exitCode()).as(cli.err()).isEqualTo(0);
    assertDemoOutput(cli.out());
    assertThat(cli.err())
        .contains("photoset 72157600000001234: page 3 of 3 (1234 in all)\n")
        .doesNotContain("Authorization:");
  }

  @Test
  void isWhatRunsWithNoCommand() {
    Cli cli = Cli.run();
    assertThat(cli.exitCode()).as(cli.err()).isEqualTo(0);
    assertDemoOutput(cli.out());
  }

  @Test
  void verboseShowsEverySignedRequestButNoSecret() {
    Cli cli = Cli.run("demo", "--verbose");
    assertThat(cli.exitCode()).as(cli.err()).isEqualTo(0);
    assertThat(cli.err())
        .contains(
            "/services/oauth/request_token\n>   Authorization: OAuth oauth_callback=\"oob\", ")
        .contains("oauth_signature=\"")
        .contains("oauth_verifier=\"")
        .doesNotContain(dev.oksign.testing.FakeFlickr.DEMO_CREDENTIALS.secret());
    assertThat(cli.err().split(">   Authorization: OAuth ", -1)).hasSize(1 + 3 + 3 + 1 + 1);
  }
}
