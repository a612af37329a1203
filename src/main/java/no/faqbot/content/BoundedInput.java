package no.faqbot.content;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a file of our own binary format knowing how many bytes are left, so that a count or a
 * length read from a damaged file is checked before anything is allocated for it: a huge number is
 * reported as damage instead of filling the heap.
 */
final class BoundedInput extends DataInputStream {
  private final Counting counting;

  private BoundedInput(Counting counting) {
    super(counting);
    this.counting = counting;
  }

  /**
   * @throws IOException when the file is larger than {@code maxBytes}: not one we wrote
   */
  static BoundedInput open(Path file, long maxBytes) throws IOException {
    long size = Files.size(file);
    if (size > maxBytes) {
      throw new IOException(
          "it is " + size + " bytes, more than the " + maxBytes + " a real one has");
    }
    return new BoundedInput(
        new Counting(new BufferedInputStream(Files.newInputStream(file)), size));
  }

  /** A count of items that take at least {@code minBytesEach} bytes each, at most {@code max}. */
  int count(int minBytesEach, int max) throws IOException {
    int count = readInt();
    check(count, minBytesEach, max, "count");
    return count;
  }

  /** Fails unless {@code n} is between 0 and {@code max} and that many items can still follow. */
  void check(int n, int minBytesEach, int max, String what) throws IOException {
    if (n < 0 || n > max || (long) n * minBytesEach > counting.remaining) {
      throw new IOException(
          "implausible " + what + " " + n + " with " + counting.remaining + " bytes left");
    }
  }

  /** Counts down the bytes read from a stream of known size. */
  private static final class Counting extends FilterInputStream {
    private long remaining;

    Counting(InputStream in, long size) {
      super(in);
      this.remaining = size;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        remaining--;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        remaining -= n;
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long skipped = super.skip(n);
      remaining -= skipped;
      return skipped;
    }
  }
}
