package no.faqbot.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.faqbot.web.ApiException;
import no.faqbot.web.ErrorCode;
import no.faqbot.web.Json;

/**
 * What a merchant posts to {@code /api/support-email} (multipart/form-data), read from the form.
 *
 * @param lang the language asked for, as posted (null: the default)
 * @param fields the {@link SupportField}s by their form name, null where not posted
 * @param state the flow state of the last chat reply, null without a flow; kept as JSON, since its
 *     signature is over the tree ({@link no.faqbot.flow.StateCodec})
 * @param context the chat so far, for a request without a flow
 * @param uploads the files named {@code screenshots}, not yet checked
 * @param caseRef the case this is posted for, null or blank for a new one
 * @param conversation the chat's conversation id
 */
public record SupportForm(
    String lang,
    Map<String, String> fields,
    JsonNode state,
    List<String> context,
    List<SupportService.Upload> uploads,
    String caseRef,
    String conversation) {
  private static final ObjectMapper JSON = Json.mapper();

  public SupportForm {
    fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    context = List.copyOf(context);
    uploads = List.copyOf(uploads);
  }

  /**
   * Reads the form; this reads the whole body, screenshots spooled to the upload folder.
   *
   * @throws ApiException (400) for a body that is not multipart/form-data or a state that is not
   *     JSON
   */
  static SupportForm read(Context ctx, SupportLimits limits) {
    if (!ctx.isMultipartFormData()) {
      throw new ApiException(
          ErrorCode.BAD_REQUEST,
          "send multipart/form-data with the fields and up to "
              + limits.maxFiles()
              + " files named 'screenshots'");
    }
    ScreenshotUploads.partsRead(ctx);
    Map<String, String> fields = new LinkedHashMap<>();
    for (SupportField field : SupportField.values()) {
      fields.put(field.param(), ctx.formParam(field.param()));
    }
    String stateText = ctx.formParam("state");
    JsonNode state = stateText == null || stateText.isBlank() ? null : parseState(stateText);
    List<SupportService.Upload> uploads =
        ctx.uploadedFiles("screenshots").stream()
            .map(f -> new SupportService.Upload(f.filename(), f.size(), f::content))
            .toList();
    return new SupportForm(
        ctx.formParam("lang"),
        fields,
        state,
        ctx.formParams("context"),
        uploads,
        ctx.formParam("caseRef"),
        ctx.formParam("conversation"));
  }

  private static JsonNode parseState(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new ApiException(
          ErrorCode.BAD_REQUEST, "state must be the JSON object from the last chat reply");
    }
  }
}
