package dev.oksign.redis;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One of the processes of {@link RedisFiguresTest#fourProcessesDrawFromOneBudget}: {@code threads}
 * threads take permits of one {@link RedisRateLimiter} as fast as they are granted, from {@code
 * startAt} to {@code endAt} (epoch milliseconds), and write one line per permit: the thread, the
 * grant time on Redis' clock and the time the call was let out, in microseconds. The process writes
 * {@code <out>.ready} once it is up, and starts when the file {@code go} appears next to it with
 * {@code startAt endAt}, so that every process asks at once however long the JVMs took.
 *
 * <p>Arguments: uri budget permits windowMillis threads out
 */
public final class BudgetChild {
  public static void main(String[] args) throws Exception {
    String uri = args[0];
    String budget = args[1];
    int permits = Integer.parseInt(args[2]);
    Duration window = Duration.ofMillis(Long.parseLong(args[3]));
    int threads = Integer.parseInt(args[4]);
    Path out = Path.of(args[5]);
    try (RedisRateLimiter limiter =
        RedisRateLimiter.builder()
            .uri(uri)
            .budget(budget)
            .permits(permits, window)
            .maxWait(Duration.ofSeconds(30))
            .build()) {
      Files.writeString(out.resolveSibling(out.getFileName() + ".ready"), "");
      Path go = out.resolveSibling("go");
      while (!Files.exists(go) || Files.size(go) == 0) Thread.sleep(10);
      String[] times = Files.readString(go).trim().split(" ");
      long startAt = Long.parseLong(times[0]);
      long endAt = Long.parseLong(times[1]);
      List<StringBuilder> logs = new ArrayList<>();
      List<Thread> workers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        StringBuilder log = new StringBuilder();
        logs.add(log);
        int thread = t;
        Thread worker =
            new Thread(
                () -> {
                  try {
                    Thread.sleep(Math.max(0, startAt - System.currentTimeMillis()));
                    while (System.currentTimeMillis() < endAt) {
                      long granted = limiter.grant();
                      long let = micros(Instant.now());
                      if (let / 1000 >= endAt) break;
                      log.append(thread).append(' ').append(granted).append(' ').append(let);
                      log.append('\n');
                    }
                  } catch (Exception e) {
                    log.append("error ").append(e).append('\n');
                  }
                });
        workers.add(worker);
        worker.start();
      }
      for (Thread worker : workers)
        worker.join(TimeUnit.MILLISECONDS.toMillis(endAt - startAt + 60_000));
      try (PrintWriter writer =
          new PrintWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8))) {
        for (StringBuilder log : logs) writer.print(log);
      }
    }
  }

  static long micros(Instant instant) {
    return instant.getEpochSecond() * 1_000_000 + instant.getNano() / 1_000;
  }
}
