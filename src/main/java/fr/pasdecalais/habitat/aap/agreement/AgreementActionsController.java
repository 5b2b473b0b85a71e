package fr.pasdecalais.habitat.aap.agreement;

import fr.pasdecalais.habitat.aap.identity.Caller;
import fr.pasdecalais.habitat.aap.shared.Money;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * What an agent starts on a convention in force (instructeurs): an avenant, a mise en demeure (and
 * its lifting), a résiliation, an on-demand report, a report received on paper. Refusals are
 * problem+json in French: 404 unknown convention, 409 when the convention's process does not wait
 * for it, 400 for a faulty field. See docs/access-matrix.md.
 */
@RestController
@PreAuthorize("hasAnyRole('instructeurs', 'camunda-admin')")
public class AgreementActionsController {

  private final AgreementActions actions;

  public AgreementActionsController(AgreementActions actions) {
    this.actions = actions;
  }

  /** A reason (avenant, manquement, résiliation). */
  public record ReasonRequest(String reason) {}

  public record AmendmentAnswer(String agreement, int sequence, String status, String reason) {}

  public record AgreementAnswer(String agreement, String status, LocalDate noticeSentOn, BigDecimal amount,
      String amountLabel, LocalDate periodEnd) {
    static AgreementAnswer of(GrantAgreement a) {
      return new AgreementAnswer(a.getNumber(), a.getStatus().name(), a.getNoticeSentOn(), a.getAmount(),
          Money.format(a.getAmount()), a.getPeriodEnd());
    }
  }

  @PostMapping("/api/agreements/{number}/amendments")
  public ResponseEntity<AmendmentAnswer> amendment(@PathVariable String number, @RequestBody(required = false) ReasonRequest body) {
    Amendment a = actions.requestAmendment(number, body == null ? null : body.reason(), Caller.current());
    return ResponseEntity.created(URI.create("/api/applications/" + number.replaceFirst("^CONV-", "") + "/agreement"))
        .body(new AmendmentAnswer(number, a.getSequenceNumber(), a.getStatus().name(), a.getReason()));
  }

  @PostMapping("/api/agreements/{number}/formal-notices")
  public ResponseEntity<AgreementAnswer> formalNotice(@PathVariable String number, @RequestBody(required = false) ReasonRequest body) {
    GrantAgreement a = actions.issueFormalNotice(number, body == null ? null : body.reason(), Caller.current());
    return ResponseEntity.status(201).body(AgreementAnswer.of(a));
  }

  @PostMapping("/api/agreements/{number}/formal-notices/remedy")
  public AgreementAnswer remedy(@PathVariable String number) {
    return AgreementAnswer.of(actions.remedyFormalNotice(number, Caller.current()));
  }

  @PostMapping("/api/agreements/{number}/termination")
  public AgreementAnswer termination(@PathVariable String number, @RequestBody(required = false) ReasonRequest body) {
    return AgreementAnswer.of(actions.terminate(number, body == null ? null : body.reason(), Caller.current()));
  }

  /** An on-demand report: the milestone's code (optional when the call has one) and the due date (optional). */
  public record ReportRequest(String code, LocalDate dueOn) {}

  @PostMapping("/api/agreements/{number}/report-requests")
  public ResponseEntity<Map<String, Object>> requestReport(@PathVariable String number,
      @RequestBody(required = false) ReportRequest body) {
    var r = actions.requestReport(number, body == null ? null : body.code(), body == null ? null : body.dueOn(),
        Caller.current());
    return ResponseEntity.status(201).body(AgreementActions.view(r));
  }

  @PostMapping("/api/agreements/{number}/reports")
  public Map<String, Object> paperReport(@PathVariable String number,
      @RequestBody(required = false) AgreementActions.PaperReport body) {
    return AgreementActions.view(actions.recordPaperReport(number, body, Caller.current()));
  }
}
