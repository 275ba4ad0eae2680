package dev.oksign.benchmarks;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.util.concurrent.TimeUnit;
import okhttp3.Request;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * oksign and the floor with two threads signing at once through one shared signer (and one shared
 * cached {@code Mac} for the floor): contention would show here and not in {@link
 * SigningBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@Threads(2)
public class ConcurrentSigningBenchmark {
  @Param({"request_token", "photos_search", "form_post"})
  public String workload;

  private final SigningBenchmark shared = new SigningBenchmark();

  @Setup
  public void setUp() throws IOException, GeneralSecurityException {
    shared.workload = workload;
    shared.setUp();
  }

  /** oksign, two threads, one signer. */
  @Benchmark
  public Request oksign() throws IOException {
    return shared.oksign();
  }

  /** The HMAC floor, two threads, one cached {@code Mac} cloned per call. */
  @Benchmark
  public byte[] hmacFloor() throws CloneNotSupportedException {
    return shared.hmacFloor();
  }
}
