package fr.pasdecalais.habitat.aap.shared.completion;

import fr.pasdecalais.habitat.aap.shared.DomainException.FieldProblem;
import fr.pasdecalais.habitat.aap.shared.EngineClock;
import fr.pasdecalais.habitat.aap.shared.FormValues;
import fr.pasdecalais.habitat.aap.shared.ParisDateTime;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One task completion being checked: the values the task will be completed with (its variables with
 * the submitted ones over them), and the problems found so far, one French message per faulty field.
 * The readers below record a problem and answer null when a value is missing or unreadable, so that
 * a rule goes on checking the other fields and reports them all at once.
 */
public final class Completion {

  private final String taskKey;
  private final String taskName;
  private final String processInstanceId;
  private final Map<String, Object> values;
  private final List<FieldProblem> problems = new ArrayList<>();

  public Completion(String taskKey, String taskName, String processInstanceId, Map<String, Object> values) {
    this.taskKey = taskKey;
    this.taskName = taskName;
    this.processInstanceId = processInstanceId;
    this.values = values == null ? Map.of() : values;
  }

  public String taskKey() {
    return taskKey;
  }

  public String taskName() {
    return taskName;
  }

  public String processInstanceId() {
    return processInstanceId;
  }

  public List<FieldProblem> problems() {
    return Collections.unmodifiableList(problems);
  }

  public boolean hasProblem(String field) {
    return problems.stream().anyMatch(p -> p.field().equals(field));
  }

  /** Records a problem on {@code field}; its message is French and names the field as the form shows it. */
  public void problem(String field, String message) {
    problems.add(new FieldProblem(field, message));
  }

  public Object value(String name) {
    return values.get(name);
  }

  public LocalDate today() {
    return EngineClock.today();
  }

  /** A numeric identifier among the process variables (e.g. {@code agreementId}), or null. */
  public Long id(String name) {
    Object v = values.get(name);
    if (v instanceof Number n) {
      return n.longValue();
    }
    if (v instanceof String s && s.matches("\\d{1,18}")) {
      return Long.valueOf(s);
    }
    return null;
  }

  private static boolean blank(Object v) {
    return v == null || (v instanceof String s && s.isBlank());
  }

  private boolean missing(String field, String label, boolean required) {
    if (blank(values.get(field))) {
      if (required) {
        problem(field, "« " + label + " » est obligatoire.");
      }
      return true;
    }
    return false;
  }

  /** A text, trimmed; at most {@code maxLength} characters. */
  public String text(String field, String label, boolean required, int maxLength) {
    if (missing(field, label, required)) {
      return null;
    }
    Object v = values.get(field);
    if (!(v instanceof String || v instanceof Number || v instanceof Boolean)) {
      problem(field, "« " + label + " » doit être un texte.");
      return null;
    }
    String text = v.toString().trim();
    if (text.length() > maxLength) {
      problem(field, "« " + label + " » ne peut dépasser " + maxLength + " caractères (" + text.length() + " saisis).");
      return null;
    }
    if (text.codePoints().anyMatch(c -> (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')
        || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069))) {
      problem(field, "« " + label + " » contient un caractère de contrôle, interdit.");
      return null;
    }
    return text;
  }

  /** A text at least {@code minLength} characters long. */
  public String text(String field, String label, boolean required, int minLength, int maxLength) {
    String text = text(field, label, required, maxLength);
    if (text != null && text.length() < minLength) {
      problem(field, "« " + label + " » doit compter au moins " + minLength + " caractères.");
      return null;
    }
    return text;
  }

  /** An identifier of a given shape, e.g. a deliberation number {@code 2023-145}. */
  public String identifier(String field, String label, boolean required, String regex, String expected) {
    String text = text(field, label, required, 100);
    if (text != null && !Pattern.matches(regex, text)) {
      problem(field, "« " + label + " » : « " + text + " » n'a pas le format attendu (" + expected + ").");
      return null;
    }
    return text;
  }

  /** One of the values a radio group or a select offers. */
  public String choice(String field, String label, boolean required, String... allowed) {
    if (missing(field, label, required)) {
      return null;
    }
    String v = String.valueOf(values.get(field)).trim();
    if (!Arrays.asList(allowed).contains(v)) {
      problem(field, "« " + label + " » : choisissez l'une des réponses proposées.");
      return null;
    }
    return v;
  }

  /** A yes/no answer: a boolean, or "true"/"false" from a radio group. */
  public Boolean yesNo(String field, String label, boolean required) {
    if (missing(field, label, required)) {
      return null;
    }
    Object v = values.get(field);
    if (v instanceof Boolean b) {
      return b;
    }
    String s = v.toString().trim();
    if (s.equals("true") || s.equals("false")) {
      return Boolean.valueOf(s);
    }
    problem(field, "« " + label + " » : choisissez l'une des réponses proposées.");
    return null;
  }

  /** A checkbox that must be ticked. */
  public void ticked(String field, String label) {
    if (!Boolean.TRUE.equals(yesNo(field, label, false))) {
      if (!hasProblem(field)) {
        problem(field, "« " + label + " » doit être coché.");
      }
    }
  }

  /** A date (ISO {@code 2023-11-01}, or a date-time read in Paris). */
  public LocalDate date(String field, String label, boolean required) {
    if (missing(field, label, required)) {
      return null;
    }
    try {
      return FormValues.date(values.get(field));
    } catch (RuntimeException e) {
      problem(field, "« " + label + " » : « " + values.get(field) + " » n'est pas une date valide.");
      return null;
    }
  }

  public OffsetDateTime dateTime(String field, String label, boolean required) {
    if (missing(field, label, required)) {
      return null;
    }
    try {
      return FormValues.dateTime(values.get(field), LocalTime.MIDNIGHT);
    } catch (RuntimeException e) {
      problem(field, "« " + label + " » : « " + values.get(field) + " » n'est pas une date valide.");
      return null;
    }
  }

  /** A date that has happened: not after today. */
  public LocalDate pastDate(String field, String label, boolean required) {
    LocalDate date = date(field, label, required);
    if (date != null && date.isAfter(today())) {
      problem(field, "« " + label + " » (" + french(date) + ") ne peut pas être dans le futur.");
      return null;
    }
    return date;
  }

  /** Records a problem when {@code date} is before {@code bound}. */
  public void notBefore(String field, String label, LocalDate date, LocalDate bound, String boundLabel) {
    if (date != null && bound != null && date.isBefore(bound)) {
      problem(field, "« " + label + " » (" + french(date) + ") ne peut pas précéder " + boundLabel + " ("
          + french(bound) + ").");
    }
  }

  /** Records a problem when {@code date} is after {@code bound}. */
  public void notAfter(String field, String label, LocalDate date, LocalDate bound, String boundLabel) {
    if (date != null && bound != null && date.isAfter(bound)) {
      problem(field, "« " + label + " » (" + french(date) + ") ne peut pas être postérieure à " + boundLabel + " ("
          + french(bound) + ").");
    }
  }

  /** A number between {@code min} and {@code max} (either may be null). */
  public BigDecimal number(String field, String label, boolean required, BigDecimal min, BigDecimal max) {
    if (missing(field, label, required)) {
      return null;
    }
    return bounded(field, label, values.get(field), min, max, false);
  }

  /** A whole number between {@code min} and {@code max} (either may be null). */
  public Integer wholeNumber(String field, String label, boolean required, Integer min, Integer max) {
    if (missing(field, label, required)) {
      return null;
    }
    BigDecimal n = bounded(field, label, values.get(field), min == null ? null : BigDecimal.valueOf(min),
        max == null ? null : BigDecimal.valueOf(max), true);
    return n == null ? null : n.intValueExact();
  }

  /** An amount in euros: positive or zero, at most two decimals, at most {@code max}. */
  public BigDecimal amount(String field, String label, boolean required, BigDecimal min, BigDecimal max) {
    BigDecimal n = number(field, label, required, min, max);
    if (n != null && n.stripTrailingZeros().scale() > 2) {
      problem(field, "« " + label + " » : un montant a au plus deux décimales.");
      return null;
    }
    return n;
  }

  /** Checks a value read elsewhere (an item of a list) against bounds; the problem is recorded on {@code field}. */
  public BigDecimal bounded(String field, String label, Object value, BigDecimal min, BigDecimal max, boolean whole) {
    BigDecimal n;
    try {
      n = value instanceof Boolean ? null : FormValues.amount(value);
    } catch (RuntimeException e) {
      n = null;
    }
    if (n == null) {
      problem(field, "« " + label + " » : « " + value + " » n'est pas un nombre.");
      return null;
    }
    if (whole && n.stripTrailingZeros().scale() > 0) {
      problem(field, "« " + label + " » doit être un nombre entier.");
      return null;
    }
    if (whole && n.abs().compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
      problem(field, "« " + label + " » est trop grand.");
      return null;
    }
    if ((min != null && n.compareTo(min) < 0) || (max != null && n.compareTo(max) > 0)) {
      String range = min != null && max != null ? "être compris entre " + number(min) + " et " + number(max)
          : min != null ? "être au moins " + number(min) : "être au plus " + number(max);
      problem(field, "« " + label + " » doit " + range + " (" + number(n) + " saisi).");
      return null;
    }
    return n;
  }

  /** The entries of a checklist (a JSON array, a list, or a text separated by commas). */
  public List<String> strings(String field) {
    try {
      return FormValues.strings(values.get(field));
    } catch (RuntimeException e) {
      problem(field, "La liste « " + field + " » est illisible.");
      return List.of();
    }
  }

  /** The rows of a dynamic list. */
  public List<Map<String, Object>> items(String field, String label) {
    try {
      return FormValues.items(values.get(field));
    } catch (RuntimeException e) {
      problem(field, "La liste « " + label + " » est illisible.");
      return List.of();
    }
  }

  public static String french(LocalDate date) {
    return ParisDateTime.french(date);
  }

  public static String number(BigDecimal n) {
    // as people read it: 42 000 and 12,5 (the thousands grouped as every amount the product prints)
    java.text.DecimalFormatSymbols symbols = new java.text.DecimalFormatSymbols(java.util.Locale.FRANCE);
    symbols.setGroupingSeparator(' ');
    symbols.setDecimalSeparator(',');
    java.text.DecimalFormat format = new java.text.DecimalFormat("#,##0.##########", symbols);
    return format.format(n.stripTrailingZeros());
  }
}
