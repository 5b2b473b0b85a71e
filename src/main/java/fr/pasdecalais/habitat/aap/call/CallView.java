package fr.pasdecalais.habitat.aap.call;

import fr.pasdecalais.habitat.aap.shared.ParisDateTime;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** A call as the API shows it: its parameters, lots with windows, status and dossier counts. */
public record CallView(
    String reference, String title, String axis, Funder funder, DecidingBody decidingBody,
    String decidingBodyLabel, String description, CallStatus status, String statusLabel,
    List<String> eligibleHolderTypes, List<String> requiredAgrements, List<String> territories,
    boolean allowsMultipleApplications, BigDecimal totalBudget, List<LotView> lots,
    List<DocumentView> requiredDocuments, List<CriterionView> selectionCriteria,
    List<IndicatorView> indicators, List<JuryMemberView> jury, List<ReportingView> reporting,
    FundingView funding, PaymentView payment, Map<String, Long> applicationCounts,
    SelectionTimeline selection, SelectionMode selectionMode) {

  public record LotView(String code, String label, List<String> territories, OffsetDateTime opensAt,
      OffsetDateTime closesAt, String window, boolean open, LocalDate conventionStart,
      LocalDate conventionEnd, BigDecimal budget, FundingView funding, PaymentView payment) {}

  /** A piece; {@code holderTypes}: the holder types it is asked of (empty: every holder). */
  @io.swagger.v3.oas.annotations.media.Schema(name = "CallDocumentView") // one name per schema in /v3/api-docs
  public record DocumentView(String code, String label, boolean mandatory, List<String> holderTypes) {}

  public record CriterionView(String code, String label, int weight, int maxScore) {}

  public record IndicatorView(String code, String label, String unit) {}

  public record JuryMemberView(String userId, String fullName, String body) {}

  public record ReportingView(String code, String label, CallDefinition.ReportKind kind, ReportFrequency frequency,
      Integer monthsAfterStart, Integer monthsAfterEnd, String inYearAfterEnd, List<java.time.LocalDate> dates,
      Integer delayDays, String schedule) {}

  public record FundingView(FundingKind kind, BigDecimal amount, String unitLabel, Integer baseMonths,
      Integer baseQuantity, List<FundingRule.UnitPriceLine> unitPrices) {}

  @io.swagger.v3.oas.annotations.media.Schema(name = "CallPaymentView") // one name per schema in /v3/api-docs
  public record PaymentView(int advancePercent, BalanceTrigger balanceTrigger, List<InstalmentView> instalments,
      String label) {}

  public record InstalmentView(int percent, String afterReport) {}

  private static FundingView funding(FundingRule rule) {
    return new FundingView(rule.kind(), rule.amount(), rule.unitLabel(), rule.baseMonths(), rule.baseQuantity(), rule.unitPrices());
  }

  private static PaymentView payment(PaymentTerms t) {
    return new PaymentView(t.getAdvancePercent(), t.getBalanceTrigger(),
        t.getInstalments().stream().map(i -> new InstalmentView(i.getPercent(), i.getAfterReport())).toList(), t.frenchLabel());
  }

  /** Short form for the list. */
  public record Summary(String reference, String title, Funder funder, DecidingBody decidingBody,
      CallStatus status, String statusLabel, List<LotView> lots) {}

  /** With the holder types of its pieces ({@link CallForProjects#getPieceHolderTypes}). */
  public static CallView of(CallForProjects c, Instant now, Map<String, Long> counts) {
    Map<String, java.util.Set<HolderType>> pieceHolderTypes = c.getPieceHolderTypes();
    FundingRule rule = c.defaultFundingRule();
    return new CallView(c.getReference(), c.getTitle(), c.getAxis(), c.getFunder().toDefinition(), c.getDecidingBody(),
        c.getDecidingBody().label(), c.getDescription(), c.getStatus(), c.getStatus().label(),
        c.getEligibleHolderTypes(), c.getRequiredAgrements(), c.getTerritories(), c.isAllowsMultipleApplications(),
        c.totalBudget(), lots(c, now),
        c.getRequiredDocuments().stream().map(d -> new DocumentView(d.getCode(), d.getLabel(), d.isMandatory(),
            pieceHolderTypes.getOrDefault(d.getCode(), java.util.Set.of()).stream().sorted().map(Enum::name).toList()))
            .toList(),
        c.getSelectionCriteria().stream().map(s -> new CriterionView(s.getCode(), s.getLabel(), s.getWeight(), s.getMaxScore())).toList(),
        c.getIndicators().stream().map(i -> new IndicatorView(i.getCode(), i.getLabel(), i.getUnit())).toList(),
        c.getJury().stream().map(j -> new JuryMemberView(j.getUserId(), j.getFullName(), j.getBody())).toList(),
        c.getReporting().stream().map(r -> new ReportingView(r.getCode(), r.getLabel(), r.getKind(), r.getFrequency(),
            r.getMonthsAfterStart(), r.getMonthsAfterEnd(), r.getInYearAfterEnd(), r.getDates(), r.getDelayDays(), r.frenchSchedule())).toList(),
        new FundingView(rule.kind(), rule.amount(), rule.unitLabel(), rule.baseMonths(), rule.baseQuantity(), rule.unitPrices()),
        payment(c.getDefaultPaymentTerms()),
        counts, c.getSelection(), c.getSelectionMode());
  }

  public static Summary summary(CallForProjects c, Instant now) {
    return new Summary(c.getReference(), c.getTitle(), c.getFunder().toDefinition(), c.getDecidingBody(), c.getStatus(),
        c.getStatus().label(), lots(c, now));
  }

  private static List<LotView> lots(CallForProjects c, Instant now) {
    return c.getLots().stream().map(l -> new LotView(l.getCode(), l.getLabel(), l.getTerritories(),
        l.getOpensAt() == null ? null : l.getOpensAt().atZoneSameInstant(ParisDateTime.PARIS).toOffsetDateTime(),
        l.getClosesAt().atZoneSameInstant(ParisDateTime.PARIS).toOffsetDateTime(),
        (l.getOpensAt() == null ? "de la publication" : "du " + ParisDateTime.french(l.getOpensAt())) + " au "
            + ParisDateTime.french(l.getClosesAt()),
        l.isOpenAt(now), l.getConventionStart(), l.getConventionEnd(), l.getBudget(), funding(l.fundingRule()),
        payment(l.getPaymentTerms()))).toList();
  }
}
