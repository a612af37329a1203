package no.faqbot.web;

import io.javalin.config.RoutesConfig;

/** A feature's HTTP routes, added to the server at creation. */
public interface Routes {
  void addTo(RoutesConfig routes);
}
