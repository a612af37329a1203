package no.faqbot.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.eclipse.jetty.io.Content;

/**
 * Where a body is kept while it arrives: in memory (small JSON and form bodies), or in a file
 * (uploads of many megabytes, which must not sit on the heap). Discarded when the request ends.
 */
interface BodyTarget {
  void write(ByteBuffer bytes) throws IOException;

  /** The whole body, to be read by the route. */
  Content.Source source() throws IOException;

  /** Frees what the body took (idempotent). */
  void discard();

  static BodyTarget memory() {
    return new Memory();
  }

  /** A new private file in {@code folder}. */
  static BodyTarget file(Path folder) {
    return new Spool(folder);
  }

  /** A copy on the heap: Jetty's network buffers are not pinned by a slow client. */
  final class Memory implements BodyTarget {
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();

    @Override
    public void write(ByteBuffer bytes) {
      byte[] copy = new byte[bytes.remaining()];
      bytes.get(copy);
      body.write(copy, 0, copy.length);
    }

    @Override
    public Content.Source source() {
      return Content.Source.from(ByteBuffer.wrap(body.toByteArray()));
    }

    @Override
    public void discard() {
      // garbage collected
    }
  }

  /**
   * A file written as the bytes arrive (page-cache writes: quick enough for Jetty's I/O thread).
   */
  final class Spool implements BodyTarget {
    private final Path folder;
    private Path file;
    private FileChannel channel;

    Spool(Path folder) {
      this.folder = folder;
    }

    @Override
    public synchronized void write(ByteBuffer bytes) throws IOException {
      if (channel == null) {
        file = Files.createTempFile(folder, "body-", ".part");
        channel = FileChannel.open(file, StandardOpenOption.WRITE);
      }
      while (bytes.hasRemaining()) {
        channel.write(bytes);
      }
    }

    @Override
    public synchronized Content.Source source() throws IOException {
      if (channel == null) {
        return Content.Source.from(ByteBuffer.allocate(0));
      }
      channel.close();
      return Content.Source.from(file);
    }

    @Override
    public synchronized void discard() {
      try {
        if (channel != null) {
          channel.close();
        }
        if (file != null) {
          Files.deleteIfExists(file);
        }
      } catch (IOException e) {
        // the folder is removed at stop
      }
    }
  }
}
