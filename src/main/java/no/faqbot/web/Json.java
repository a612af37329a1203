package no.faqbot.web;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import java.io.IOException;

/** The one JSON configuration used by the API. */
public final class Json {
  /** Writes into a response's stream and leaves closing it to the server. */
  private static final ObjectWriter RESPONSE =
      mapper().writer().without(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

  private Json() {}

  /**
   * Answers with {@code value} as JSON written straight into the response's stream: what {@code
   * ctx.json} sends, without making a string of it first and copying that through a buffer (the
   * chat's replies are the hot path).
   */
  public static void respond(Context ctx, Object value) throws IOException {
    ctx.contentType(ContentType.APPLICATION_JSON);
    RESPONSE.writeValue(ctx.outputStream(), value);
  }

  public static ObjectMapper mapper() {
    return new ObjectMapper()
        .registerModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        // {"message": "hi"} followed by anything else is not one JSON value: refuse it.
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  }
}
