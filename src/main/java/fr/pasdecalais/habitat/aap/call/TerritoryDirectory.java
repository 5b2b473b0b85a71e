package fr.pasdecalais.habitat.aap.call;

import fr.pasdecalais.habitat.aap.shared.DomainException;
import fr.pasdecalais.habitat.aap.shared.DomainException.FieldProblem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The territories as instructeurs manage them ({@code /api/territories}): every row of table
 * {@code territory} with its kind, its parent and its official code (the SIREN of an EPCI, the INSEE
 * code of a commune), read and written in SQL. The official code (V32) is not mapped by the JPA
 * entity {@link Territory}: V32 runs after the engine has built its schema, hence after Hibernate has
 * validated the mappings on a fresh database (see {@code config.FlywayAroundEngine}).
 *
 * <p>Rules: code {@code [A-Z0-9_]{2,40}} (unique: 409), name 1–200 characters, a kind, a parent
 * that exists and is not the territory itself nor one of its descendants; official code: an EPCI's
 * SIREN is 9 digits with a valid Luhn key, a commune's INSEE code 5 characters ({@code 62338},
 * {@code 2A004}), none for the other kinds; unique (409).
 */
@Service
public class TerritoryDirectory {

  private static final String CODE = "[A-Z0-9_]{2,40}";

  private final JdbcTemplate jdbc;

  public TerritoryDirectory(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** A territory as the API shows it. */
  public record TerritoryView(String code, String name, String kind, String kindLabel, String parentCode,
      String officialCode) {}

  /** What an instructeur sends to create or correct a territory (its code is in the path). */
  public record TerritoryRequest(String name, String kind, String parentCode, String officialCode) {}

  @Transactional(readOnly = true)
  public List<TerritoryView> all() {
    return jdbc.query("select code, name, kind, parent_code, official_code from territory", (rs, i) -> view(
        rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5))).stream()
        .sorted(java.util.Comparator.comparing((TerritoryView t) -> TerritoryKind.valueOf(t.kind()).ordinal())
            .thenComparing(TerritoryView::name))
        .toList();
  }

  @Transactional(readOnly = true)
  public Optional<TerritoryView> find(String code) {
    return jdbc.query("select code, name, kind, parent_code, official_code from territory where code = ?",
        (rs, i) -> view(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)), code)
        .stream().findFirst();
  }

  /** Adds a territory: 400 with every faulty field, 409 when the code or the official code is taken. */
  @Transactional
  public TerritoryView create(String code, TerritoryRequest request) {
    Checked t = check(code, request, false);
    if (find(code).isPresent()) {
      throw DomainException.conflict("Le territoire « " + code + " » existe déjà ; modifiez-le (PUT) au lieu de le créer.");
    }
    refuseTakenOfficialCode(code, t.officialCode());
    try {
      jdbc.update("insert into territory (code, name, kind, parent_code, official_code) values (?, ?, ?, ?, ?)",
          code, t.name(), t.kind().name(), t.parentCode(), t.officialCode());
    } catch (DataIntegrityViolationException e) {
      throw DomainException.conflict("Le territoire « " + code + " » ou son code officiel existe déjà.");
    }
    return find(code).orElseThrow();
  }

  /** Corrects a territory: 404 when unknown, 400 with every faulty field, 409 when the official code is taken. */
  @Transactional
  public TerritoryView update(String code, TerritoryRequest request) {
    if (code == null || find(code).isEmpty()) {
      throw DomainException.notFound("Aucun territoire n'a le code « " + code + " ».");
    }
    Checked t = check(code, request, true);
    refuseTakenOfficialCode(code, t.officialCode());
    try {
      jdbc.update("update territory set name = ?, kind = ?, parent_code = ?, official_code = ? where code = ?",
          t.name(), t.kind().name(), t.parentCode(), t.officialCode(), code);
    } catch (DataIntegrityViolationException e) {
      throw DomainException.conflict("Le code officiel « " + t.officialCode() + " » est déjà celui d'un autre territoire.");
    }
    return find(code).orElseThrow();
  }

  private record Checked(String name, TerritoryKind kind, String parentCode, String officialCode) {}

  private Checked check(String code, TerritoryRequest request, boolean existing) {
    List<FieldProblem> problems = new ArrayList<>();
    if (code == null || !code.matches(CODE)) {
      problems.add(new FieldProblem("code", "Le code d'un territoire s'écrit en majuscules, chiffres et « _ », "
          + "de 2 à 40 caractères (ex. « CAPSO », « SAILLY_SUR_LA_LYS »)."));
    }
    if (request == null) {
      problems.add(new FieldProblem("body", "Indiquez le nom, le type et, s'il y a lieu, le territoire parent et le code officiel."));
      throw DomainException.invalid(problems);
    }
    String name = trim(request.name());
    if (name == null) {
      problems.add(new FieldProblem("name", "Le nom du territoire est obligatoire."));
    } else if (name.length() > 200) {
      problems.add(new FieldProblem("name", "Le nom du territoire dépasse 200 caractères."));
    }
    TerritoryKind kind = null;
    String kindText = trim(request.kind());
    if (kindText == null) {
      problems.add(new FieldProblem("kind", "Le type de territoire est obligatoire : " + kinds() + "."));
    } else {
      try {
        kind = TerritoryKind.valueOf(kindText);
      } catch (IllegalArgumentException e) {
        problems.add(new FieldProblem("kind", "Le type « " + kindText + " » n'existe pas ; types possibles : " + kinds() + "."));
      }
    }
    String parent = trim(request.parentCode());
    if (parent != null) {
      if (parent.equals(code)) {
        problems.add(new FieldProblem("parentCode", "Un territoire ne peut pas être son propre parent."));
      } else if (find(parent).isEmpty()) {
        problems.add(new FieldProblem("parentCode", "Le territoire parent « " + parent + " » n'existe pas."));
      } else if (existing && descendants(code).contains(parent)) {
        problems.add(new FieldProblem("parentCode", "Le territoire « " + parent + " » fait partie de « " + code
            + " » : il ne peut pas en être le parent."));
      }
    }
    String official = trim(request.officialCode());
    if (official != null && kind != null) {
      switch (kind) {
        case EPCI -> {
          if (!official.matches("\\d{9}") || !luhn(official)) {
            problems.add(new FieldProblem("officialCode", "Le SIREN d'une intercommunalité comporte 9 chiffres et une clé "
                + "de contrôle valide (ex. 246200364 pour la CALL) : « " + official + " » ne l'est pas."));
          }
        }
        case COMMUNE -> {
          if (!official.matches("\\d[0-9AB]\\d{3}")) {
            problems.add(new FieldProblem("officialCode", "Le code INSEE d'une commune comporte 5 caractères "
                + "(ex. 62338 pour Fleurbaix) : « " + official + " » ne l'est pas."));
          }
        }
        default -> problems.add(new FieldProblem("officialCode", "Seuls une intercommunalité (SIREN) et une commune "
            + "(code INSEE) ont un code officiel."));
      }
    }
    if (!problems.isEmpty()) {
      throw DomainException.invalid(problems);
    }
    return new Checked(name, kind, parent, official);
  }

  private void refuseTakenOfficialCode(String code, String officialCode) {
    if (officialCode == null) {
      return;
    }
    List<String> holders = jdbc.queryForList("select code from territory where official_code = ? and code <> ?",
        String.class, officialCode, code);
    if (!holders.isEmpty()) {
      throw DomainException.conflict("Le code officiel « " + officialCode + " » est déjà celui du territoire « "
          + holders.get(0) + " ».");
    }
  }

  /** The codes under a territory, at any depth. */
  private Set<String> descendants(String code) {
    Set<String> found = new HashSet<>();
    List<String> frontier = List.of(code);
    while (!frontier.isEmpty()) {
      List<String> next = new ArrayList<>();
      for (String c : frontier) {
        for (String child : jdbc.queryForList("select code from territory where parent_code = ?", String.class, c)) {
          if (found.add(child)) {
            next.add(child);
          }
        }
      }
      frontier = next;
    }
    return found;
  }

  private static TerritoryView view(String code, String name, String kind, String parent, String official) {
    return new TerritoryView(code, name, kind, TerritoryKind.valueOf(kind).label(), parent, official);
  }

  private static String kinds() {
    return Arrays.stream(TerritoryKind.values()).map(Enum::name).collect(Collectors.joining(", "));
  }

  private static String trim(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  /** The Luhn check of a SIREN (the same key as a SIRET's first 9 digits). */
  static boolean luhn(String digits) {
    int sum = 0;
    for (int i = 0; i < digits.length(); i++) {
      int d = digits.charAt(digits.length() - 1 - i) - '0';
      if (i % 2 == 1) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
    }
    return sum % 10 == 0;
  }
}
