package no.faqbot.chat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import no.faqbot.format.Languages;

/** The words of a {@link ReplyType#FLOW_CHANGED} reply, from {@code flow-changed.properties}. */
final class FlowChangedText {
  private static final Properties TEXTS = load();

  private FlowChangedText() {}

  static String changed(String lang, String title) {
    return text("changed", lang).replace("{title}", title);
  }

  static String gone(String lang) {
    return text("gone", lang);
  }

  private static String text(String key, String lang) {
    String text = TEXTS.getProperty(key + "." + lang);
    return text != null ? text : TEXTS.getProperty(key + "." + Languages.DEFAULT);
  }

  private static Properties load() {
    try (var in = FlowChangedText.class.getResourceAsStream("flow-changed.properties")) {
      Properties texts = new Properties();
      texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      return texts;
    } catch (IOException | NullPointerException e) {
      throw new UncheckedIOException(
          "bundled no/faqbot/chat/flow-changed.properties is missing",
          e instanceof IOException io ? io : new IOException(e));
    }
  }
}
