package no.faqbot.web;

import java.util.Set;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.EagerContentHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Reads a request's body before a route runs, without a thread: the body arrives through Jetty's
 * callbacks ({@link BodyReader}), and only once it is complete does the request go to a thread. A
 * client that sends its body slowly, or never, holds a connection but none of the threads that
 * answer chat. JSON and form bodies are copied to the heap (not kept in Jetty's network buffers,
 * which one byte per packet would pin by the thousand), limited in size and given a deadline.
 *
 * <p>Multipart uploads to the upload routes go to a private file instead, under their own rules: a
 * deadline and a minimum rate (a body that arrives slower gets {@code 408}), and a few at a time
 * per client ({@code 429} beyond): slow uploads hold neither a thread nor the support routes'
 * workers, and one client cannot hold every upload. Multipart bodies sent anywhere else are read
 * like any other body.
 */
final class BodyFirst {
  private BodyFirst() {}

  /** A handler that reads bodies first (by {@code json}), uploads by {@code uploads}. */
  static EagerContentHandler handler(
      BodyRules json, UploadLimits uploads, Set<String> uploadPaths) {
    Buffering buffering = new Buffering(json);
    return new EagerContentHandler(
        buffering,
        new Uploads(
            buffering, uploads, new InFlight(uploads.perClient()), Set.copyOf(uploadPaths)));
  }

  /** A factory of loaders that need neither the content type nor the MIME type. */
  private interface Factory extends EagerContentHandler.ContentLoaderFactory {
    EagerContentHandler.ContentLoader loader(
        Handler handler, Request request, Response response, Callback callback);

    @Override
    default EagerContentHandler.ContentLoader newContentLoader(
        String contentType,
        String mimeType,
        Handler handler,
        Request request,
        Response response,
        Callback callback) {
      return loader(handler, request, response, callback);
    }
  }

  /** Multipart bodies: spooled on the upload paths, read into memory everywhere else. */
  private record Uploads(
      Buffering buffering, UploadLimits limits, InFlight inFlight, Set<String> paths)
      implements Factory {
    @Override
    public String getApplicableMimeType() {
      return "multipart/form-data";
    }

    @Override
    public EagerContentHandler.ContentLoader loader(
        Handler handler, Request request, Response response, Callback callback) {
      String path = Request.getPathInContext(request);
      String bare =
          path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
      if (!paths.contains(bare)) {
        return buffering.loader(handler, request, response, callback);
      }
      String client =
          limits
              .clients()
              .of(Request.getRemoteAddr(request), request.getHeaders().get("X-Forwarded-For"));
      if (!inFlight.enter(client)) {
        response.getHeaders().put("Retry-After", "10");
        return new Refusal(
            handler,
            request,
            response,
            callback,
            429,
            "at most "
                + inFlight.perClient()
                + " support requests at once per client; wait for one to finish");
      }
      BodyTarget file = BodyTarget.file(limits.spool());
      Callback done =
          Callback.from(
              callback,
              () -> {
                file.discard();
                inFlight.leave(client);
              });
      return new BodyReader(
          handler, request, response, done, limits.rules(), file, limits.tooLarge().get());
    }
  }

  private record Buffering(BodyRules rules) implements Factory {
    @Override
    public String getApplicableMimeType() {
      return null; // every other type
    }

    @Override
    public EagerContentHandler.ContentLoader loader(
        Handler handler, Request request, Response response, Callback callback) {
      return new BodyReader(
          handler,
          request,
          response,
          callback,
          rules,
          BodyTarget.memory(),
          "the request body is larger than " + rules.maxBytes() / 1024 + " KB");
    }
  }

  /** Answers at once without reading the body. */
  private static final class Refusal extends EagerContentHandler.ContentLoader {
    private final int status;
    private final String message;

    Refusal(
        Handler handler,
        Request request,
        Response response,
        Callback callback,
        int status,
        String message) {
      super(handler, request, response, callback);
      this.status = status;
      this.message = message;
    }

    @Override
    protected void load() {
      Response.writeError(getRequest(), getResponse(), getCallback(), status, message);
    }
  }
}
