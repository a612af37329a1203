package no.faqbot.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import no.faqbot.HttpTestClient;
import no.faqbot.TestSettings;

/** The widget's support form as multipart/form-data, and staff calls with Basic auth. */
final class CaseForm {
  static final byte[] PNG = {
    (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R', 1, 2, 3
  };
  static final ObjectMapper JSON = new ObjectMapper();
  static final HttpClient CLIENT = HttpClient.newHttpClient();

  final Map<String, String> fields = new LinkedHashMap<>();
  boolean screenshot = true;

  CaseForm(String conversation) {
    fields.put("merchantEmail", "butikk@example.no");
    fields.put("storeId", "K123456");
    fields.put("errorCode", "BAD_VALUE");
    fields.put("description", "Testkjøpet feiler. passord: Sommer2026!");
    fields.put("lang", "nb");
    fields.put("conversation", conversation);
  }

  CaseForm with(String name, String value) {
    fields.put(name, value);
    return this;
  }

  HttpResponse<byte[]> post(String base, String path) throws Exception {
    String boundary = "----case" + System.nanoTime();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Map.Entry<String, String> f : fields.entrySet()) {
      out.writeBytes(
          ("--"
                  + boundary
                  + "\r\nContent-Disposition: form-data; name=\""
                  + f.getKey()
                  + "\"\r\n\r\n"
                  + f.getValue()
                  + "\r\n")
              .getBytes(StandardCharsets.UTF_8));
    }
    if (screenshot) {
      out.writeBytes(
          ("--"
                  + boundary
                  + "\r\nContent-Disposition: form-data; name=\"screenshots\";"
                  + " filename=\"feil.png\"\r\nContent-Type: image/png\r\n\r\n")
              .getBytes(StandardCharsets.UTF_8));
      out.writeBytes(PNG);
      out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }
    out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return CLIENT.send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray()))
            .build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  static JsonNode json(HttpResponse<byte[]> r) throws Exception {
    return JSON.readTree(r.body());
  }

  /** A case server's settings: staff {@code anna}, no per-client limits on support e-mails. */
  static TestSettings settings(TestSettings s) {
    return s.stateSecret("test secret long enough!")
        .staff()
        .limit("FAQBOT_LIMIT_SUPPORT_EMAIL", "off")
        .limit("FAQBOT_LIMIT_SUPPORT_SEND", "off");
  }

  /** A staff call as user {@code anna}, password {@code riktig hest}. */
  static HttpResponse<byte[]> staff(String method, String url) throws Exception {
    return CLIENT.send(
        HttpRequest.newBuilder(URI.create(url))
            .header("Authorization", HttpTestClient.STAFF_BASIC)
            .method(method, HttpRequest.BodyPublishers.noBody())
            .build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }
}
