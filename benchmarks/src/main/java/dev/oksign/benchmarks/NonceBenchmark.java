package dev.oksign.benchmarks;

import dev.oksign.internal.Nonces;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The default nonce, which every signed request draws, from one thread and from two, next to the
 * platform's default {@code SecureRandom} drawing the same 16 bytes, one instance per thread. On
 * Linux that default is NativePRNG, whose instances share a lock: the reason the nonces have a
 * generator of their own.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class NonceBenchmark {
  /** One platform-default generator per benchmark thread. */
  @State(Scope.Thread)
  public static class PlatformDefault {
    final SecureRandom random = new SecureRandom();
    final byte[] bytes = new byte[16];
  }

  /** oksign's default nonce, one thread. */
  @Benchmark
  public String oksign() {
    return Nonces.INSTANCE.get();
  }

  /** oksign's default nonce, two threads. */
  @Benchmark
  @Threads(2)
  public String oksignTwoThreads() {
    return Nonces.INSTANCE.get();
  }

  /** 16 bytes from the platform's default {@code SecureRandom}, one thread. */
  @Benchmark
  public byte[] platformDefault(PlatformDefault state) {
    state.random.nextBytes(state.bytes);
    return state.bytes;
  }

  /** 16 bytes from the platform's default {@code SecureRandom}, two threads, one each. */
  @Benchmark
  @Threads(2)
  public byte[] platformDefaultTwoThreads(PlatformDefault state) {
    state.random.nextBytes(state.bytes);
    return state.bytes;
  }
}
