package fr.pasdecalais.habitat.aap.export;

import fr.pasdecalais.habitat.aap.call.CallCatalog;
import fr.pasdecalais.habitat.aap.call.CallForProjects;
import fr.pasdecalais.habitat.aap.call.CallLot;
import fr.pasdecalais.habitat.aap.call.FunderKind;
import fr.pasdecalais.habitat.aap.identity.Caller;
import fr.pasdecalais.habitat.aap.identity.Groups;
import fr.pasdecalais.habitat.aap.shared.DomainException;
import fr.pasdecalais.habitat.aap.shared.ParisDateTime;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which calls an export covers: the filter's calls that the caller may export (the access rules of
 * {@code docs/access-matrix.md}): dossiers to the agents (instructeurs, superviseurs, administrateur)
 * for every call; conventions and money to the agents for every call, to the Département's finance
 * service ({@code finances}) for the Département's calls, to the State's ({@code etat-finances}) for
 * the State's calls. Everyone else is refused (403) before anything is read.
 */
@Component
public class ExportScope {

  private final CallCatalog calls;

  public ExportScope(CallCatalog calls) {
    this.calls = calls;
  }

  /** A call as the exports name it: reference, title, funder kind and its jury's and indicators' codes. */
  public record ScopedCall(String reference, String title, FunderKind funder, List<String> jurors,
      List<String> criteria, List<String> indicators) {}

  @Transactional(readOnly = true)
  public List<ScopedCall> dossiers(ExportFilter filter, Caller caller) {
    if (!caller.isAgent()) {
      throw DomainException.forbidden("L'export des dossiers est réservé aux agents instructeurs, aux superviseurs et"
          + " à l'administrateur.");
    }
    return resolve(filter, EnumSet.allOf(FunderKind.class));
  }

  @Transactional(readOnly = true)
  public List<ScopedCall> agreements(ExportFilter filter, Caller caller) {
    Set<FunderKind> allowed = EnumSet.noneOf(FunderKind.class);
    if (caller.isAgent()) {
      allowed.addAll(EnumSet.allOf(FunderKind.class));
    }
    if (caller.groups().contains(Groups.FINANCES)) {
      allowed.add(FunderKind.DEPARTEMENT);
    }
    if (caller.groups().contains(Groups.ETAT_FINANCES)) {
      allowed.add(FunderKind.ETAT);
    }
    if (allowed.isEmpty()) {
      throw DomainException.forbidden("L'export des conventions est réservé aux agents instructeurs, aux superviseurs,"
          + " à l'administrateur et aux services financiers.");
    }
    FunderKind wanted = funder(filter);
    if (wanted != null && !allowed.contains(wanted)) {
      throw DomainException.forbidden("Vos droits ne permettent pas d'exporter les conventions "
          + (wanted == FunderKind.ETAT ? "de l'État." : "du Département."));
    }
    if (filter.call() != null) {
      CallForProjects call = calls.findByReference(filter.call())
          .orElseThrow(() -> DomainException.notFound("L'appel « " + filter.call() + " » n'existe pas."));
      if (!allowed.contains(call.getFunder().getKind())) {
        throw DomainException.forbidden("Vos droits ne permettent pas d'exporter les conventions de l'appel « "
            + filter.call() + " » (financé par " + call.getFunder().shortName() + ").");
      }
    }
    return resolve(filter, allowed);
  }

  private List<ScopedCall> resolve(ExportFilter filter, Set<FunderKind> allowed) {
    FunderKind wanted = funder(filter);
    List<CallForProjects> candidates;
    if (filter.call() != null) {
      candidates = List.of(calls.findByReference(filter.call())
          .orElseThrow(() -> DomainException.notFound("L'appel « " + filter.call() + " » n'existe pas.")));
    } else {
      candidates = calls.findAll();
    }
    return candidates.stream()
        .filter(c -> allowed.contains(c.getFunder().getKind()))
        .filter(c -> wanted == null || c.getFunder().getKind() == wanted)
        .filter(c -> filter.year() == null || filter.year().equals(year(c)))
        .sorted(Comparator.comparing(CallForProjects::getReference))
        .map(c -> new ScopedCall(c.getReference(), c.getTitle(), c.getFunder().getKind(),
            c.getJury().stream().map(j -> j.getUserId()).toList(),
            c.getSelectionCriteria().stream().map(k -> k.getCode()).toList(),
            c.getIndicators().stream().map(i -> i.getCode()).toList()))
        .toList();
  }

  /** The year of a call: the year its first lot opens (Paris), else the year it was created. */
  static Integer year(CallForProjects call) {
    return call.getLots().stream().map(CallLot::getOpensAt).filter(java.util.Objects::nonNull)
        .min(Comparator.naturalOrder()).map(t -> t.atZoneSameInstant(ParisDateTime.PARIS).getYear())
        .orElseGet(() -> call.getCreatedAt() == null ? null : call.getCreatedAt().atZone(ParisDateTime.PARIS).getYear());
  }

  private static FunderKind funder(ExportFilter filter) {
    if (filter.funder() == null) {
      return null;
    }
    try {
      return FunderKind.valueOf(filter.funder().toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw DomainException.invalid("funder", "Le financeur « " + filter.funder()
          + " » n'existe pas ; financeurs possibles : DEPARTEMENT, ETAT.");
    }
  }
}
