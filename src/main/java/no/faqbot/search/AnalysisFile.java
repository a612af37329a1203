package no.faqbot.search;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import no.faqbot.content.FaqEntry;
import org.apache.lucene.codecs.CodecUtil;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;
import org.apache.lucene.store.IndexOutput;
import org.apache.lucene.store.NIOFSDirectory;
import org.apache.lucene.store.RandomAccessInput;

/**
 * The analysis of a content snapshot, kept in its index folder ({@value #NAME}): each language's
 * terms with how many entries use each, and every entry's terms (phrasings, the kind of question
 * each asks, body, answer sentences) by ordinal. A start that reuses the index reads this instead
 * of analysing every entry again, which was most of a large knowledge base's start. It belongs to
 * the index it was written with (same folder, same fingerprint) and is checked like it: a missing,
 * truncated or corrupted file makes the index unusable, so it is built again.
 *
 * <p>Entries' terms stay in the file (memory-mapped) for a large knowledge base and are read when
 * an entry is among the best few for a message; held on the heap they took most of it.
 */
public final class AnalysisFile implements Closeable {
  public static final String NAME = "analysis.bin";

  private static final String CODEC = "FaqbotAnalysis";
  private static final int VERSION = 1;

  /** Up to this many entries in a language, their terms are read into memory once at start. */
  static final int IN_MEMORY_ENTRIES = 20_000;

  private final IndexInput input;
  private final RandomAccessInput data;
  private final long offsets;

  private AnalysisFile(IndexInput input, RandomAccessInput data, long offsets) {
    this.input = input;
    this.data = data;
    this.offsets = offsets;
  }

  /** Writes {@code content}'s analysis into {@code dir} (an index being built). */
  public static void write(Directory dir, AnalysedContent content) throws IOException {
    try (IndexOutput out = dir.createOutput(NAME, IOContext.DEFAULT)) {
      CodecUtil.writeHeader(out, CODEC, VERSION);
      List<String> langs = content.languages();
      out.writeVInt(langs.size());
      for (String lang : langs) {
        Vocabulary vocabulary = content.vocabulary(lang);
        out.writeString(lang);
        out.writeVInt(vocabulary.size());
        for (int id = 0; id < vocabulary.size(); id++) {
          out.writeString(vocabulary.term(id));
          out.writeVInt(vocabulary.docFreq(id));
        }
      }
      // Each entry as ints, for reading in place: phrasings, sentences, then each phrasing's
      // question kind, size and ids, the body's size and ids, each sentence's size and ids.
      long[] starts = new long[content.size() + 1];
      long at = 0;
      int[] positions = content.positions();
      for (int ordinal = 0; ordinal < content.size(); ordinal++) {
        starts[ordinal] = at;
        EntryTerms terms = content.vocabulary(content.lang(ordinal)).entryTerms(positions[ordinal]);
        at += writeInt(out, terms.phrasings().length);
        at += writeInt(out, terms.sentences().length);
        for (int p = 0; p < terms.phrasings().length; p++) {
          at += writeInt(out, terms.asks()[p].ordinal());
          at += writeIds(out, terms.phrasings()[p]);
        }
        at += writeIds(out, terms.body());
        for (TermIds sentence : terms.sentences()) {
          at += writeIds(out, sentence);
        }
      }
      starts[content.size()] = at;
      long dataStart = out.getFilePointer() - at;
      for (long start : starts) {
        out.writeLong(dataStart + start);
      }
      out.writeLong(dataStart + at); // where the offsets begin
      CodecUtil.writeFooter(out);
    }
  }

  private static int writeInt(IndexOutput out, int value) throws IOException {
    out.writeInt(value);
    return Integer.BYTES;
  }

  private static int writeIds(IndexOutput out, TermIds ids) throws IOException {
    out.writeInt(ids.size());
    for (int i = 0; i < ids.size(); i++) {
      out.writeInt(ids.id(i));
    }
    return Integer.BYTES * (1 + ids.size());
  }

  /**
   * Reads the analysis in {@code folder} for {@code content} (listed, not analysed): its
   * vocabularies are set from the file. Keep the result open while the index is in use.
   *
   * @throws IOException when the file is missing, corrupt or for other entries
   */
  public static AnalysisFile read(java.nio.file.Path folder, Directory dir, AnalysedContent content)
      throws IOException {
    // The checksum is read with plain reads: through the memory map, every page of the file would
    // count as the process's memory for as long as it stayed in the page cache.
    try (NIOFSDirectory plain = new NIOFSDirectory(folder);
        IndexInput whole = plain.openInput(NAME, IOContext.READONCE)) {
      CodecUtil.checksumEntireFile(whole);
    }
    IndexInput input = dir.openInput(NAME, IOContext.DEFAULT);
    boolean done = false;
    try {
      CodecUtil.checkHeader(input, CODEC, VERSION, VERSION);
      int langCount = input.readVInt();
      List<String> langs = content.languages();
      if (langCount != langs.size()) {
        throw new IOException(NAME + " has " + langCount + " languages, the content " + langs);
      }
      Map<String, List<FaqEntry>> listed = content.entriesByLanguage();
      List<String[]> terms = new ArrayList<>();
      List<int[]> docFreqs = new ArrayList<>();
      for (String lang : langs) {
        String stored = input.readString();
        if (!stored.equals(lang)) {
          throw new IOException(NAME + " has language " + stored + " where " + lang + " was due");
        }
        int size = input.readVInt();
        String[] sorted = new String[size];
        int[] docFreq = new int[size];
        for (int id = 0; id < size; id++) {
          sorted[id] = input.readString();
          docFreq[id] = input.readVInt();
        }
        terms.add(sorted);
        docFreqs.add(docFreq);
      }
      long footer = input.length() - CodecUtil.footerLength();
      RandomAccessInput data = input.randomAccessSlice(0, input.length());
      long offsets = data.readLong(footer - Long.BYTES);
      if ((footer - Long.BYTES - offsets) / Long.BYTES != content.size() + 1L) {
        throw new IOException(NAME + " has entries for another content: rebuild the index");
      }
      AnalysisFile file = new AnalysisFile(input, data, offsets);
      int[] positions = content.positions();
      int ordinal = 0;
      for (int l = 0; l < langs.size(); l++) {
        List<FaqEntry> entries = listed.get(langs.get(l));
        int first = ordinal;
        EntryTerms.Source source;
        if (entries.size() <= IN_MEMORY_ENTRIES) {
          EntryTerms[] all = new EntryTerms[entries.size()];
          for (int i = 0; i < all.length; i++) {
            all[i] = file.entryTerms(first + i).withPlaces();
          }
          source = position -> all[position];
        } else {
          source = position -> file.entryTerms(first + position);
        }
        content.setVocabulary(
            langs.get(l), new Vocabulary(terms.get(l), docFreqs.get(l), entries, source));
        ordinal += entries.size();
        assert positions.length == content.size();
      }
      done = true;
      return file;
    } finally {
      if (!done) {
        input.close();
      }
    }
  }

  /** The terms of the entry with this ordinal, read from the file. */
  private EntryTerms entryTerms(int ordinal) {
    try {
      long at = data.readLong(offsets + (long) ordinal * Long.BYTES);
      int phrasingCount = data.readInt(at);
      int sentenceCount = data.readInt(at + 4);
      at += 8;
      int[][] phrasings = new int[phrasingCount][];
      QuestionWord[] asks = new QuestionWord[phrasingCount];
      QuestionWord[] kinds = QuestionWord.values();
      for (int p = 0; p < phrasingCount; p++) {
        asks[p] = kinds[data.readInt(at)];
        phrasings[p] = ids(at + 4);
        at += 8 + 4L * phrasings[p].length;
      }
      int[] body = ids(at);
      at += 4 + 4L * body.length;
      int[][] sentences = new int[sentenceCount][];
      for (int s = 0; s < sentenceCount; s++) {
        sentences[s] = ids(at);
        at += 4 + 4L * sentences[s].length;
      }
      return EntryTerms.of(phrasings, asks, body, sentences);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(
          "reading entry " + ordinal + " from " + NAME + " failed: rebuild the index", e);
    }
  }

  private int[] ids(long at) throws IOException {
    int[] ids = new int[data.readInt(at)];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = data.readInt(at + 4 + 4L * i);
    }
    return ids;
  }

  @Override
  public void close() throws IOException {
    input.close();
  }
}
