package no.faqbot.web;

import io.javalin.rendering.FileRenderer;
import java.util.Locale;
import java.util.Map;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/** Renders Thymeleaf templates from {@code templates/} on the classpath (escaping by default). */
public final class ThymeleafRenderer implements FileRenderer {
  private final TemplateEngine engine = new TemplateEngine();

  public ThymeleafRenderer() {
    ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
    resolver.setPrefix("templates/");
    resolver.setSuffix(".html");
    resolver.setTemplateMode(TemplateMode.HTML);
    resolver.setCharacterEncoding("UTF-8");
    resolver.setCacheable(true);
    engine.setTemplateResolver(resolver);
  }

  @Override
  public String render(String template, Map<String, ?> model, io.javalin.http.Context ctx) {
    Context context = new Context(Locale.forLanguageTag("nb"));
    model.forEach(context::setVariable);
    return engine.process(template, context);
  }
}
