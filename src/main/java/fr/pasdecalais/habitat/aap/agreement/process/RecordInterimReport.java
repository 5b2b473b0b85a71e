package fr.pasdecalais.habitat.aap.agreement.process;

import static fr.pasdecalais.habitat.aap.agreement.process.GrantAgreementProcess.VAR_REPORT_ID;
import static fr.pasdecalais.habitat.aap.agreement.process.GrantAgreementProcess.VAR_REPORT_RECEIVED_ON;
import static fr.pasdecalais.habitat.aap.agreement.process.GrantAgreementProcess.VAR_REPORT_SUMMARY;

import fr.pasdecalais.habitat.aap.agreement.AgreementSettlementService;
import fr.pasdecalais.habitat.aap.reporting.ReportingService;
import fr.pasdecalais.habitat.aap.shared.FormValues;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Enregistrer le bilan intermédiaire": date of receipt and summary; when the lot's payment terms
 * pay an instalment on this report, starts "Versement intermédiaire" ({@code Message_InstalmentDue}).
 */
@Component
public class RecordInterimReport implements JavaDelegate {

  private final ReportingService reporting;
  private final AgreementSettlementService settlement;

  public RecordInterimReport(ReportingService reporting, AgreementSettlementService settlement) {
    this.reporting = reporting;
    this.settlement = settlement;
  }

  @Override
  public void execute(DelegateExecution execution) {
    reporting.receive((Number) execution.getVariable(VAR_REPORT_ID),
        FormValues.date(execution.getVariable(VAR_REPORT_RECEIVED_ON)), null,
        (String) execution.getVariable(VAR_REPORT_SUMMARY));
    // the lot's terms may pay an instalment once this report is in: "Versement intermédiaire" starts
    settlement.instalmentDueOn(AgreementExecution.agreementId(execution), (Number) execution.getVariable(VAR_REPORT_ID))
        .ifPresent(n -> execution.getProcessEngineServices().getRuntimeService()
            .createMessageCorrelation(GrantAgreementProcess.MSG_INSTALMENT_DUE)
            .processInstanceId(execution.getProcessInstanceId())
            .setVariableLocal(GrantAgreementProcess.VAR_INSTALMENT_NUMBER, n)
            .correlateWithResult());
  }
}
