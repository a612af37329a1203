package no.faqbot.support;

import java.io.IOException;
import java.io.InputStream;

/**
 * The bytes of an uploaded file, opened afresh each time they are read (to recognise the image, to
 * write the e-mail): they stay in the upload's temporary file instead of on the heap.
 */
@FunctionalInterface
public interface UploadContent {
  InputStream open() throws IOException;
}
