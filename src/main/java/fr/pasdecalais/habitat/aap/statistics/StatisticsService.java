package fr.pasdecalais.habitat.aap.statistics;

import fr.pasdecalais.habitat.aap.agreement.AgreementFacts;
import fr.pasdecalais.habitat.aap.agreement.AgreementFacts.ConventionFacts;
import fr.pasdecalais.habitat.aap.application.ApplicationFacts;
import fr.pasdecalais.habitat.aap.application.ApplicationFacts.DossierFacts;
import fr.pasdecalais.habitat.aap.application.ApplicationState;
import fr.pasdecalais.habitat.aap.call.CallCatalog;
import fr.pasdecalais.habitat.aap.call.CallForProjects;
import fr.pasdecalais.habitat.aap.call.CallFunder;
import fr.pasdecalais.habitat.aap.call.CallLot;
import fr.pasdecalais.habitat.aap.call.FunderKind;
import fr.pasdecalais.habitat.aap.shared.DomainException;
import fr.pasdecalais.habitat.aap.shared.Money;
import fr.pasdecalais.habitat.aap.shared.ParisDateTime;
import fr.pasdecalais.habitat.aap.statistics.Statistics.Amounts;
import fr.pasdecalais.habitat.aap.statistics.Statistics.Breakdown;
import fr.pasdecalais.habitat.aap.statistics.Statistics.Bucket;
import fr.pasdecalais.habitat.aap.statistics.Statistics.CallFigures;
import fr.pasdecalais.habitat.aap.statistics.Statistics.Figures;
import fr.pasdecalais.habitat.aap.statistics.Statistics.ProcessingTime;
import fr.pasdecalais.habitat.aap.statistics.Statistics.Regularisations;
import fr.pasdecalais.habitat.aap.statistics.Statistics.ReportFigures;
import fr.pasdecalais.habitat.aap.statistics.Statistics.RoundCount;
import fr.pasdecalais.habitat.aap.statistics.Statistics.StateCount;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The statistics of the calls, from the product's tables read through each capability's reading
 * interface: the dossiers and their timelines ({@link ApplicationFacts}: filing, first completeness
 * and eligibility outcomes, decision, regularisation requests), the conventions ({@link AgreementFacts}:
 * amounts, signatures, payment dates, collections, reports) and the calls ({@link CallCatalog}). The
 * engine's history is not read: every step already writes its instant on the dossier's timeline at
 * the engine's clock, and the convention's dates are the ones the agents typed (signatures, payments).
 */
@Service
public class StatisticsService {

  /** The processing steps, each measured from the filing. */
  enum Step {
    COMPLETENESS("Du dépôt à la décision de complétude"),
    ELIGIBILITY("Du dépôt à la décision d'éligibilité"),
    DECISION("Du dépôt à la décision d'attribution"),
    SIGNATURE("Du dépôt à la signature de la convention"),
    ADVANCE("Du dépôt au versement de l'avance"),
    BALANCE("Du dépôt au versement du solde");

    final String label;

    Step(String label) {
      this.label = label;
    }
  }

  /** The histogram's classes, in days: [from, to], the last one open. */
  private static final int[][] BUCKETS = {{0, 7}, {8, 15}, {16, 30}, {31, 60}, {61, 90}, {91, 180}, {181, 365}, {366, -1}};

  private final ApplicationFacts dossiers;
  private final AgreementFacts conventions;
  private final CallCatalog calls;

  public StatisticsService(ApplicationFacts dossiers, AgreementFacts conventions, CallCatalog calls) {
    this.dossiers = dossiers;
    this.conventions = conventions;
    this.calls = calls;
  }

  @Transactional(readOnly = true)
  public Statistics compute(String call, Integer year, String funder, String territory) {
    String callRef = blankToNull(call);
    if (callRef != null) {
      calls.getByReference(callRef); // 404 in French for an unknown call
    }
    FunderKind funderKind = funderKind(blankToNull(funder));
    String territoryCode = blankToNull(territory);
    if (territoryCode != null && calls.territory(territoryCode).isEmpty()) {
      throw DomainException.invalid("territory", "Territoire inconnu : « " + territoryCode + " ».");
    }
    if (year != null && (year < 2000 || year > 2100)) {
      throw DomainException.invalid("year", "L'année doit être comprise entre 2000 et 2100.");
    }
    Map<String, CallForProjects> callsByRef = calls.findAll().stream()
        .collect(Collectors.toMap(CallForProjects::getReference, Function.identity(), (a, b) -> a));

    List<DossierFacts> kept = dossiers.of(callRef).stream()
        .filter(d -> year == null || (d.receivedAt() != null && d.receivedAt().atZone(ParisDateTime.PARIS).getYear() == year))
        .filter(d -> territoryCode == null || d.territories().contains(territoryCode))
        .filter(d -> funderKind == null || Optional.ofNullable(callsByRef.get(d.callReference()))
            .map(c -> c.getFunder() != null && c.getFunder().getKind() == funderKind).orElse(false))
        .toList();
    Map<String, DossierFacts> byReference = kept.stream()
        .collect(Collectors.toMap(DossierFacts::reference, Function.identity(), (a, b) -> a));
    List<ConventionFacts> keptConventions = conventions.of(callRef).stream()
        .filter(c -> byReference.containsKey(c.applicationReference())).toList();

    Map<String, List<DossierFacts>> dossiersByCall = new TreeMap<>();
    kept.forEach(d -> dossiersByCall.computeIfAbsent(d.callReference(), k -> new ArrayList<>()).add(d));
    if (callRef != null) {
      dossiersByCall.putIfAbsent(callRef, new ArrayList<>());
    }
    Map<String, List<ConventionFacts>> conventionsByCall = new HashMap<>();
    keptConventions.forEach(c -> conventionsByCall.computeIfAbsent(c.callReference(), k -> new ArrayList<>()).add(c));

    List<CallFigures> perCall = new ArrayList<>();
    for (var e : dossiersByCall.entrySet()) {
      CallForProjects c = callsByRef.get(e.getKey());
      perCall.add(new CallFigures(e.getKey(), c == null ? e.getKey() : c.getTitle(),
          c == null || c.getFunder() == null ? null : c.getFunder().getName(),
          c == null || c.getFunder() == null ? null : c.getFunder().getKind().name(),
          figures(e.getValue(), conventionsByCall.getOrDefault(e.getKey(), List.of()), callsByRef)));
    }
    return new Statistics(new Statistics.Filters(callRef, year, funderKind == null ? null : funderKind.name(), territoryCode),
        figures(kept, keptConventions, callsByRef), perCall);
  }

  private Figures figures(List<DossierFacts> ds, List<ConventionFacts> cs, Map<String, CallForProjects> callsByRef) {
    Map<String, ConventionFacts> conventionOf = cs.stream()
        .collect(Collectors.toMap(ConventionFacts::applicationReference, Function.identity(), (a, b) -> a));

    List<StateCount> byState = new ArrayList<>();
    for (ApplicationState state : ApplicationState.values()) {
      List<DossierFacts> in = ds.stream().filter(d -> d.state() == state).toList();
      if (!in.isEmpty()) {
        byState.add(new StateCount(state.name(), state.label(), in.size(),
            sum(in.stream().map(DossierFacts::requestedAmount).toList()),
            sum(in.stream().map(d -> conventionOf.get(d.reference())).filter(c -> c != null).map(ConventionFacts::granted).toList())));
      }
    }
    Amounts amounts = new Amounts(sum(cs.stream().map(ConventionFacts::granted).toList()),
        sum(cs.stream().map(ConventionFacts::paid).toList()), sum(cs.stream().map(ConventionFacts::recovered).toList()));

    Map<String, String> territoryNames = new HashMap<>();
    calls.territories().forEach(t -> territoryNames.put(t.getCode(), t.getName()));

    List<Breakdown> byCall = breakdown(ds, conventionOf, d -> List.of(new Share(d.callReference(),
        Optional.ofNullable(callsByRef.get(d.callReference())).map(CallForProjects::getTitle).orElse(d.callReference()), BigDecimal.ONE)));
    List<Breakdown> byLot = breakdown(ds, conventionOf, d -> List.of(new Share(d.callReference() + "/" + d.lotCode(),
        lotLabel(callsByRef.get(d.callReference()), d.lotCode()), BigDecimal.ONE)));
    List<Breakdown> byTerritory = breakdown(ds, conventionOf, d -> d.territories().stream().sorted()
        .map(t -> new Share(t, territoryNames.getOrDefault(t, t), BigDecimal.ONE)).toList());
    List<Breakdown> byHolder = breakdown(ds, conventionOf, d -> List.of(d.holderType() == null
        ? new Share("NON_RENSEIGNE", "Non renseigné", BigDecimal.ONE) : new Share(d.holderType(), d.holderType(), BigDecimal.ONE)));
    List<Breakdown> byFunder = breakdown(ds, conventionOf, d -> funderShares(callsByRef.get(d.callReference())));

    List<ProcessingTime> times = new ArrayList<>();
    for (Step step : Step.values()) {
      List<Long> days = new ArrayList<>();
      for (DossierFacts d : ds) {
        if (d.receivedAt() == null) {
          continue;
        }
        LocalDate filed = day(d.receivedAt());
        ConventionFacts c = conventionOf.get(d.reference());
        LocalDate reached = switch (step) {
          case COMPLETENESS -> day(d.completenessAt());
          case ELIGIBILITY -> day(d.eligibilityAt());
          case DECISION -> day(d.decidedAt());
          case SIGNATURE -> c == null ? null : c.signedOn();
          case ADVANCE -> c == null ? null : c.advancePaidOn();
          case BALANCE -> c == null ? null : c.balancePaidOn();
        };
        if (reached != null) {
          days.add(Math.max(0, ChronoUnit.DAYS.between(filed, reached)));
        }
      }
      days.sort(Comparator.naturalOrder());
      times.add(new ProcessingTime(step.name(), step.label, days.size(), percentile(days, 50), percentile(days, 90),
          histogram(days)));
    }

    ReportFigures reports = new ReportFigures(cs.stream().mapToInt(ConventionFacts::reports).sum(),
        cs.stream().mapToInt(ConventionFacts::reportsLate).sum());
    Map<Integer, Integer> distribution = new TreeMap<>();
    ds.forEach(d -> distribution.merge(d.regularizationRounds(), 1, Integer::sum));
    int rounds = ds.stream().mapToInt(DossierFacts::regularizationRounds).sum();
    Regularisations regularisations = new Regularisations((int) ds.stream().filter(d -> d.regularizationRounds() > 0).count(),
        rounds, ds.stream().mapToInt(DossierFacts::regularizationRounds).max().orElse(0),
        ds.isEmpty() ? null : BigDecimal.valueOf(rounds).divide(BigDecimal.valueOf(ds.size()), 2, RoundingMode.HALF_UP),
        distribution.entrySet().stream().map(e -> new RoundCount(e.getKey(), e.getValue())).toList());
    return new Figures(ds.size(), byState, amounts, byCall, byLot, byTerritory, byHolder, byFunder, times, reports,
        regularisations);
  }

  /** A dossier's part in a group: the whole of it (1), or a co-funder's share. */
  private record Share(String key, String label, BigDecimal fraction) {}

  private static final class Sums {
    String label;
    int dossiers;
    int conventions;
    BigDecimal granted = Money.ZERO;
    BigDecimal paid = Money.ZERO;
    BigDecimal recovered = Money.ZERO;
  }

  private static List<Breakdown> breakdown(List<DossierFacts> ds, Map<String, ConventionFacts> conventionOf,
      Function<DossierFacts, List<Share>> groups) {
    Map<String, Sums> sums = new TreeMap<>();
    for (DossierFacts d : ds) {
      ConventionFacts c = conventionOf.get(d.reference());
      List<Share> shares = groups.apply(d);
      // a co-funder's part is rounded to the cent; the lead funder takes the rest, so that the parts add up
      BigDecimal[] granted = split(c == null ? Money.ZERO : c.granted(), shares);
      BigDecimal[] paid = split(c == null ? Money.ZERO : c.paid(), shares);
      BigDecimal[] recovered = split(c == null ? Money.ZERO : c.recovered(), shares);
      for (int i = 0; i < shares.size(); i++) {
        Sums s = sums.computeIfAbsent(shares.get(i).key(), k -> new Sums());
        s.label = shares.get(i).label();
        s.dossiers++;
        if (c != null) {
          s.conventions++;
          s.granted = s.granted.add(granted[i]);
          s.paid = s.paid.add(paid[i]);
          s.recovered = s.recovered.add(recovered[i]);
        }
      }
    }
    return sums.entrySet().stream().map(e -> new Breakdown(e.getKey(), e.getValue().label, e.getValue().dossiers,
        e.getValue().conventions, e.getValue().granted, e.getValue().paid, e.getValue().recovered)).toList();
  }

  /** Each share's amount: fractions below 1 rounded HALF_UP to the cent, the first share the rest of the amount. */
  private static BigDecimal[] split(BigDecimal amount, List<Share> shares) {
    BigDecimal[] parts = new BigDecimal[shares.size()];
    if (shares.stream().allMatch(s -> s.fraction().compareTo(BigDecimal.ONE) == 0)) {
      Arrays.fill(parts, amount);
      return parts;
    }
    BigDecimal rest = amount;
    for (int i = 1; i < shares.size(); i++) {
      parts[i] = amount.multiply(shares.get(i).fraction()).setScale(2, RoundingMode.HALF_UP);
      rest = rest.subtract(parts[i]);
    }
    parts[0] = rest;
    return parts;
  }

  private static List<Share> funderShares(CallForProjects call) {
    if (call == null || call.getFunder() == null) {
      return List.of(new Share("NON_RENSEIGNE", "Non renseigné", BigDecimal.ONE));
    }
    CallFunder f = call.getFunder();
    Share lead = new Share(f.getKind().name() + ":" + f.getName(), f.getName(), BigDecimal.ONE);
    if (f.getCoFunderName() == null || f.getCoFunderShare() == null || f.getCoFunderShare().signum() <= 0) {
      return List.of(lead);
    }
    BigDecimal co = f.getCoFunderShare().divide(BigDecimal.valueOf(100), 6, RoundingMode.HALF_UP);
    return List.of(new Share(lead.key(), lead.label(), BigDecimal.ONE.subtract(co)),
        new Share("COFINANCEUR:" + f.getCoFunderName(), f.getCoFunderName(), co));
  }

  private static String lotLabel(CallForProjects call, String lotCode) {
    if (call == null) {
      return lotCode;
    }
    String lot = call.getLots().stream().filter(l -> l.getCode().equals(lotCode)).map(CallLot::getLabel).findFirst()
        .orElse(lotCode);
    return call.getReference() + " — " + lot;
  }

  /**
   * The p-th percentile of sorted values, interpolated linearly between the closest ranks (as
   * Excel's CENTILE.INCLURE, R's type 7): rank (n − 1) × p / 100. One decimal, HALF_UP.
   */
  static BigDecimal percentile(List<Long> sorted, int p) {
    if (sorted.isEmpty()) {
      return null;
    }
    BigDecimal rank = BigDecimal.valueOf(sorted.size() - 1L).multiply(BigDecimal.valueOf(p)).divide(BigDecimal.valueOf(100));
    int low = rank.intValue();
    BigDecimal fraction = rank.subtract(BigDecimal.valueOf(low));
    BigDecimal lowValue = BigDecimal.valueOf(sorted.get(low));
    BigDecimal value = low + 1 < sorted.size()
        ? lowValue.add(fraction.multiply(BigDecimal.valueOf(sorted.get(low + 1) - sorted.get(low))))
        : lowValue;
    return value.setScale(1, RoundingMode.HALF_UP);
  }

  private static List<Bucket> histogram(List<Long> days) {
    List<Bucket> buckets = new ArrayList<>();
    for (int[] b : BUCKETS) {
      int count = (int) days.stream().filter(d -> d >= b[0] && (b[1] < 0 || d <= b[1])).count();
      String label = b[1] < 0 ? "plus de " + (b[0] - 1) + " j" : b[0] + " à " + b[1] + " j";
      buckets.add(new Bucket(label, b[0], b[1] < 0 ? null : b[1], count));
    }
    return buckets;
  }

  private static BigDecimal sum(List<BigDecimal> amounts) {
    return amounts.stream().filter(a -> a != null).map(Money::of).reduce(Money.ZERO, BigDecimal::add);
  }

  private static LocalDate day(Instant instant) {
    return instant == null ? null : instant.atZone(ParisDateTime.PARIS).toLocalDate();
  }

  private static FunderKind funderKind(String funder) {
    if (funder == null) {
      return null;
    }
    try {
      return FunderKind.valueOf(funder.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw DomainException.invalid("funder", "Financeur inconnu : « " + funder + " » (DEPARTEMENT ou ETAT).");
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
