package dev.oksign.examples.cli;

import dev.oksign.Token;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The tokens file {@code flow} writes and the other commands read: a properties file with {@code
 * oauth_token}, {@code oauth_token_secret} and the user's {@code user_nsid}, {@code username} and
 * {@code fullname}, readable by its owner only.
 */
final class TokenFile {
  static final String TOKEN = "oauth_token";
  static final String SECRET = "oauth_token_secret";

  private TokenFile() {}

  static Token read(Path file) {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (NoSuchFileException e) {
      throw CliException.failure(
          "cannot read tokens file " + file + ": it does not exist (run the flow command first)");
    } catch (IOException | IllegalArgumentException e) {
      throw CliException.failure("cannot read tokens file " + file + ": " + e.getMessage());
    }
    String value = properties.getProperty(TOKEN);
    String secret = properties.getProperty(SECRET);
    if (value == null || value.isBlank() || secret == null || secret.isBlank()) {
      throw CliException.failure(
          "tokens file "
              + file
              + " has no "
              + (value == null || value.isBlank() ? TOKEN : SECRET)
              + " (run the flow command to write it)");
    }
    return new Token(value.trim(), secret.trim());
  }

  /** Writes the file atomically, readable and writable by the owner only where POSIX allows. */
  static void write(Path file, Token token, Map<String, String> user) throws IOException {
    Map<String, String> fields = new TreeMap<>(user);
    fields.put(TOKEN, token.value());
    fields.put(SECRET, token.secret());
    Path absolute = file.toAbsolutePath();
    Path dir = absolute.getParent();
    Path temp;
    try {
      temp =
          Files.createTempFile(
              dir,
              ".tokens",
              ".tmp",
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException notPosix) {
      temp = Files.createTempFile(dir, ".tokens", ".tmp");
    }
    try (Writer writer = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
      writer.write("# Flickr access token written by oksign-examples flow. Keep it private.\n");
      for (Map.Entry<String, String> e : fields.entrySet()) {
        writer.write(e.getKey() + "=" + escape(e.getValue()) + "\n");
      }
    } catch (IOException e) {
      Files.deleteIfExists(temp);
      throw e;
    }
    try {
      Files.move(
          temp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (FileAlreadyExistsException | java.nio.file.AtomicMoveNotSupportedException e) {
      Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static String escape(String value) {
    StringBuilder out = new StringBuilder();
    for (char c : value.toCharArray()) {
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '=', ':', '#', '!' -> out.append('\\').append(c);
        default -> {
          if (c < 0x20 || c > 0x7e) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }
}
