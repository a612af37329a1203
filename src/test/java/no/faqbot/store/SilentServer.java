package no.faqbot.store;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A port on loopback that takes connections and never speaks PostgreSQL: it holds each one open (a
 * hung server) or closes it at once (a server that is not ready), and counts them.
 */
final class SilentServer implements AutoCloseable {
  private final ServerSocket socket;
  private final List<Socket> held = Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger accepted = new AtomicInteger();

  SilentServer(boolean hold) throws IOException {
    socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor =
        new Thread(
            () -> {
              try {
                while (true) {
                  Socket s = socket.accept();
                  accepted.incrementAndGet();
                  if (hold) {
                    held.add(s);
                  } else {
                    s.close();
                  }
                }
              } catch (IOException closed) {
                // the test is over
              }
            },
            "silent-server");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** A JDBC URL to it; {@code options} as in {@code loginTimeout=1}, or empty. */
  String url(String options) {
    return "jdbc:postgresql://127.0.0.1:"
        + socket.getLocalPort()
        + "/faqbot"
        + (options.isEmpty() ? "" : "?" + options);
  }

  int accepted() {
    return accepted.get();
  }

  @Override
  public void close() throws IOException {
    socket.close();
    synchronized (held) {
      for (Socket s : held) {
        s.close();
      }
    }
  }
}
