package no.faqbot.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * The widget's and staff pages' files from {@code public/} on the classpath, read once into memory
 * and served with a strong ETag. Javalin's classpath static handler would mount the whole fat jar
 * as a zip file system at start (hundreds of milliseconds of the start-up budget) to serve five
 * small files.
 */
public final class StaticAssets implements Routes {
  /** Everything under {@code src/main/resources/public/}; a test checks the two lists agree. */
  public static final List<String> FILES =
      List.of("widget.js", "widget.css", "staff.js", "staff.css", "demo.css");

  private static final String CACHE_CONTROL = "public, max-age=300";

  private record Asset(String path, byte[] bytes, String contentType, String etag) {}

  private final List<Asset> assets;

  public StaticAssets() {
    this.assets = FILES.stream().map(StaticAssets::read).toList();
  }

  @Override
  public void addTo(RoutesConfig routes) {
    for (Asset asset : assets) {
      routes.get(asset.path(), ctx -> serve(ctx, asset));
      routes.head(asset.path(), ctx -> serve(ctx, asset));
    }
  }

  private static void serve(Context ctx, Asset asset) {
    ctx.header("Cache-Control", CACHE_CONTROL);
    ctx.header("ETag", asset.etag());
    ctx.contentType(asset.contentType());
    if (matches(ctx.header("If-None-Match"), asset.etag())) {
      ctx.status(HttpStatus.NOT_MODIFIED);
      return;
    }
    ctx.result(asset.bytes());
  }

  /**
   * {@code If-None-Match} may list several tags, or {@code *}; weak tags compare equal (RFC 9110).
   */
  private static boolean matches(String ifNoneMatch, String etag) {
    if (ifNoneMatch == null) {
      return false;
    }
    for (String tag : ifNoneMatch.split(",")) {
      String t = tag.strip();
      if (t.equals("*") || t.equals(etag) || t.equals("W/" + etag)) {
        return true;
      }
    }
    return false;
  }

  private static Asset read(String name) {
    String resource = "public/" + name;
    try (InputStream in = StaticAssets.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing from the build: " + resource);
      }
      byte[] bytes = in.readAllBytes();
      return new Asset("/" + name, bytes, contentType(name), "\"" + hash(bytes) + "\"");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }

  private static String contentType(String name) {
    if (name.endsWith(".js")) {
      return "text/javascript;charset=utf-8";
    }
    if (name.endsWith(".css")) {
      return "text/css;charset=utf-8";
    }
    throw new IllegalArgumentException(
        "no content type known for " + name + "; add one in StaticAssets");
  }

  /**
   * Length and CRC-32C: enough to tell versions of one file apart (a cryptographic hash costs
   * start-up time).
   */
  private static String hash(byte[] bytes) {
    CRC32C crc = new CRC32C();
    crc.update(bytes);
    return Integer.toHexString(bytes.length) + "-" + Long.toHexString(crc.getValue());
  }
}
