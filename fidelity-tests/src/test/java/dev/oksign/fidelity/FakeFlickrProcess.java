package dev.oksign.fidelity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code fake-flickr} in a child JVM, started with this module's test class path, and the records
 * it printed on stdout ({@code rest_url}, {@code consumer_key}, {@code access_token}, ...).
 */
final class FakeFlickrProcess implements AutoCloseable {
  final Process process;
  final Map<String, String> printed = new HashMap<>();

  FakeFlickrProcess(String... options) throws IOException {
    String classPath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(classPath);
    command.add("dev.oksign.examples.cli.Main");
    command.add("fake-flickr");
    command.addAll(List.of(options));
    process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    for (String line; (line = out.readLine()) != null; ) {
      int colon = line.indexOf(": ");
      printed.put(line.substring(0, colon), line.substring(colon + 2));
      if (line.startsWith("photosets: ")) break;
    }
    assertThat(printed).containsKeys("rest_url", "consumer_key", "access_token");
  }

  String get(String record) {
    return printed.get(record);
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
  }
}
