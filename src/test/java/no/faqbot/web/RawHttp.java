package no.faqbot.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Bytes on a socket, for requests an HTTP client would refuse to send. */
final class RawHttp implements AutoCloseable {
  private final Socket socket;

  RawHttp(String base) throws IOException {
    URI uri = URI.create(base);
    this.socket = new Socket(uri.getHost(), uri.getPort());
    socket.setSoTimeout(20_000);
  }

  RawHttp send(String text) throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write(text.getBytes(StandardCharsets.UTF_8));
    out.flush();
    return this;
  }

  /** Everything the server answers until it closes the connection or goes quiet. */
  String answer() throws IOException {
    InputStream in = socket.getInputStream();
    StringBuilder text = new StringBuilder();
    byte[] buffer = new byte[8192];
    try {
      for (int n; (n = in.read(buffer)) > 0; ) {
        text.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
        if (complete(text)) {
          break;
        }
      }
    } catch (SocketTimeoutException quiet) {
      // return what came
    }
    return text.toString();
  }

  /** Headers and a Content-Length's worth of body have arrived. */
  private static boolean complete(StringBuilder text) {
    int end = text.indexOf("\r\n\r\n");
    if (end < 0) {
      return false;
    }
    String head = text.substring(0, end).toLowerCase(Locale.ROOT);
    int at = head.indexOf("content-length:");
    if (at < 0) {
      return false;
    }
    int length = Integer.parseInt(head.substring(at + 15).split("\r\n")[0].strip());
    return text.toString().getBytes(StandardCharsets.UTF_8).length - end - 4 >= length;
  }

  /** The status code of an HTTP/1.1 answer. */
  static int status(String answer) {
    return Integer.parseInt(answer.substring(9, 12));
  }

  /** What follows the headers. */
  static String body(String answer) {
    int end = answer.indexOf("\r\n\r\n");
    return end < 0 ? "" : answer.substring(end + 4);
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
