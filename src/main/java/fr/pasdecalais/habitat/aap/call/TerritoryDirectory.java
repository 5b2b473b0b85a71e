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
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The territories as instructeurs manage them ({@code /api/territories}): every row of table
 * {@code territory} with its kind, its parent and its official code (the SIREN of an EPCI, the INSEE
 * code of a commune), entity {@link Territory} through {@link TerritoryRepository}.
 *
 * <p>Rules: code {@code [A-Z0-9_]{2,40}} (unique: 409), name 1–200 characters, a kind, a parent
 * that exists and is not the territory itself nor one of its descendants; official code: an EPCI's
 * SIREN is 9 digits with a valid Luhn key, a commune's INSEE code 5 characters ({@code 62338},
 * {@code 2A004}), none for the other kinds; unique (409).
 */
@Service
public class TerritoryDirectory {

  private static final String CODE = "[A-Z0-9_]{2,40}";

  private final TerritoryRepository territories;

  public TerritoryDirectory(TerritoryRepository territories) {
    this.territories = territories;
  }

  /** A territory as the API shows it. */
  public record TerritoryView(String code, String name, String kind, String kindLabel, String parentCode,
      String officialCode) {}

  /** What an instructeur sends to create or correct a territory (its code is in the path). */
  public record TerritoryRequest(String name, String kind, String parentCode, String officialCode) {}

  @Transactional(readOnly = true)
  public List<TerritoryView> all() {
    return territories.findAll().stream().map(TerritoryDirectory::view)
        .sorted(java.util.Comparator.comparing((TerritoryView t) -> TerritoryKind.valueOf(t.kind()).ordinal())
            .thenComparing(TerritoryView::name))
        .toList();
  }

  @Transactional(readOnly = true)
  public Optional<TerritoryView> find(String code) {
    return code == null ? Optional.empty() : territories.findById(code).map(TerritoryDirectory::view);
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
      territories.saveAndFlush(new Territory(code, t.name(), t.kind(), t.parentCode(), t.officialCode()));
    } catch (DataIntegrityViolationException e) {
      throw DomainException.conflict("Le territoire « " + code + " » ou son code officiel existe déjà.");
    }
    return find(code).orElseThrow();
  }

  /** Corrects a territory: 404 when unknown, 400 with every faulty field, 409 when the official code is taken. */
  @Transactional
  public TerritoryView update(String code, TerritoryRequest request) {
    Territory territory = code == null ? null : territories.findById(code).orElse(null);
    if (territory == null) {
      throw DomainException.notFound("Aucun territoire n'a le code « " + code + " ».");
    }
    Checked t = check(code, request, true);
    refuseTakenOfficialCode(code, t.officialCode());
    // changed only once every check (each a query) is done: a query would flush it before
    territory.correct(t.name(), t.kind(), t.parentCode(), t.officialCode());
    try {
      territories.saveAndFlush(territory);
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
    territories.findFirstByOfficialCodeAndCodeNot(officialCode, code).ifPresent(holder -> {
      throw DomainException.conflict("Le code officiel « " + officialCode + " » est déjà celui du territoire « "
          + holder.getCode() + " ».");
    });
  }

  /** The codes under a territory, at any depth. */
  private Set<String> descendants(String code) {
    Set<String> found = new HashSet<>();
    List<String> frontier = List.of(code);
    while (!frontier.isEmpty()) {
      List<String> next = new ArrayList<>();
      for (String c : frontier) {
        for (Territory child : territories.findByParentCode(c)) {
          if (found.add(child.getCode())) {
            next.add(child.getCode());
          }
        }
      }
      frontier = next;
    }
    return found;
  }

  private static TerritoryView view(Territory t) {
    return new TerritoryView(t.getCode(), t.getName(), t.getKind().name(), t.getKind().label(), t.getParentCode(),
        t.getOfficialCode());
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
