package no.faqbot.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.util.Map;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors Jetty answers itself before a route sees the request (a URI or headers too large, a
 * request it cannot parse) in the API's shape, {@code {"error", "code"}}, instead of an HTML page.
 */
final class JettyErrors extends ErrorHandler {
  private static final ObjectMapper JSON = Json.mapper();
  private static final String TYPE = "application/json;charset=utf-8";

  @Override
  protected void generateResponse(
      Request request,
      Response response,
      int code,
      String message,
      Throwable cause,
      Callback callback) {
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, TYPE);
    response.getHeaders().put("X-Content-Type-Options", "nosniff");
    response.write(true, ByteBuffer.wrap(body(code, message)), callback);
  }

  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    fields.put(HttpHeader.CONTENT_TYPE, TYPE);
    fields.put("X-Content-Type-Options", "nosniff");
    return ByteBuffer.wrap(body(status, reason));
  }

  static byte[] body(int status, String message) {
    String text = message == null || message.isBlank() ? HttpStatus.getMessage(status) : message;
    try {
      return JSON.writeValueAsBytes(
          ApiException.body(status, text, ErrorCode.forStatus(status), Map.of()));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
