package fr.pasdecalais.habitat.aap.application;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * What a piece's bytes must not be, beyond its detected type: a name whose extension says another
 * type (a PDF named {@code .docx}), a file that is two things at once (an image or a PDF carrying
 * HTML or script, a GIF whose header opens a JavaScript comment), an office document that inflates
 * to far more than it weighs (a zip bomb).
 */
final class DocumentChecks {

  /** Inflated size above which a zip-based document is refused. */
  static final long MAX_INFLATED = 100L * 1024 * 1024;
  private static final int MAX_RATIO = 100;

  private static final Map<String, Set<String>> EXTENSIONS = Map.ofEntries(
      Map.entry("pdf", Set.of("application/pdf")),
      Map.entry("odt", Set.of("application/vnd.oasis.opendocument.text")),
      Map.entry("ods", Set.of("application/vnd.oasis.opendocument.spreadsheet")),
      Map.entry("docx", Set.of("application/vnd.openxmlformats-officedocument.wordprocessingml.document")),
      Map.entry("xlsx", Set.of("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")),
      Map.entry("png", Set.of("image/png")),
      Map.entry("jpg", Set.of("image/jpeg")),
      Map.entry("jpeg", Set.of("image/jpeg")),
      Map.entry("gif", Set.of("image/gif")),
      Map.entry("tif", Set.of("image/tiff")),
      Map.entry("tiff", Set.of("image/tiff")),
      Map.entry("webp", Set.of("image/webp")),
      Map.entry("bmp", Set.of("image/bmp")));

  private static final String[] ACTIVE_CONTENT = {"<script", "<html", "<svg", "<iframe", "javascript:", "/javascript",
      "/launch", "<?php"};

  private DocumentChecks() {}

  /** @return null when the piece may be stored, else why not (French). */
  static String refusal(String name, String detectedType, byte[] bytes) {
    String extension = extension(name);
    Set<String> expected = EXTENSIONS.get(extension);
    if (extension.isEmpty() || expected == null) {
      return "Le nom du fichier « " + name + " » n'a pas une extension acceptée (pdf, odt, ods, docx, xlsx, png, jpg, gif, "
          + "tif, webp, bmp).";
    }
    if (!expected.contains(detectedType)) {
      return "Le fichier « " + name + " » porte l'extension ." + extension + " mais son contenu est de type « "
          + detectedType + " » : renommez-le ou déposez le bon fichier.";
    }
    if (detectedType.equals("image/gif") && bytes.length > 7 && bytes[6] == '/' && bytes[7] == '*') {
      return "Le fichier « " + name + " » n'est pas une image GIF ordinaire (son en-tête ouvre un script).";
    }
    if (detectedType.startsWith("image/") || detectedType.equals("application/pdf")) {
      String head = new String(bytes, 0, Math.min(bytes.length, 1 << 20), StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
      for (String marker : ACTIVE_CONTENT) {
        if (head.contains(marker)) {
          return "Le fichier « " + name + " » contient du contenu actif (script, page web ou action automatique) : "
              + "il est refusé ; déposez une version imprimée en PDF simple.";
        }
      }
    }
    if (detectedType.contains("openxmlformats") || detectedType.contains("opendocument")) {
      long inflated = inflatedSize(bytes);
      if (inflated < 0 || inflated > MAX_INFLATED || inflated > (long) MAX_RATIO * Math.max(bytes.length, 1024)) {
        return "Le fichier « " + name + " » se décompresse en bien plus que son poids (archive piégée ou endommagée) : "
            + "il est refusé.";
      }
    }
    return null;
  }

  private static String extension(String name) {
    int dot = name.lastIndexOf('.');
    return dot < 0 || dot == name.length() - 1 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  /** The inflated size of every entry, counted by inflating up to the limit; -1 when unreadable. */
  private static long inflatedSize(byte[] bytes) {
    long total = 0;
    byte[] buffer = new byte[64 * 1024];
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
      for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        InputStream in = zip;
        for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
          total += n;
          if (total > MAX_INFLATED) {
            return total;
          }
        }
      }
    } catch (IOException | IllegalArgumentException e) {
      return -1;
    }
    return total;
  }
}
