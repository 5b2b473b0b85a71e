package fr.pasdecalais.habitat.aap.agreement.process;

import static fr.pasdecalais.habitat.aap.agreement.process.GrantAgreementProcess.VAR_PAYMENT_SCHEDULE;

import fr.pasdecalais.habitat.aap.agreement.AgreementRuleException;
import fr.pasdecalais.habitat.aap.payment.PaymentRefusedException;
import fr.pasdecalais.habitat.aap.shared.FormValues;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;

/** Shared helpers of the grant-agreement delegates: variable reading and business errors to BPMN errors. */
final class AgreementExecution {

  private AgreementExecution() {}

  static Long agreementId(DelegateExecution execution) {
    return ((Number) execution.getVariable(GrantAgreementProcess.VAR_AGREEMENT_ID)).longValue();
  }

  static Long longVar(DelegateExecution execution, String name) {
    Object v = execution.getVariable(name);
    if (v == null) {
      throw new IllegalStateException("Variable " + name + " absente.");
    }
    return ((Number) v).longValue();
  }

  /**
   * Who completed the last instance of one of these user tasks of this process instance: the
   * task's assignee as the engine recorded it (never a variable), or null when it had none.
   */
  static String completedBy(DelegateExecution execution, String... taskDefinitionKeys) {
    List<HistoricTaskInstance> tasks = execution.getProcessEngineServices().getHistoryService()
        .createHistoricTaskInstanceQuery().processInstanceId(execution.getProcessInstanceId())
        .taskDefinitionKeyIn(taskDefinitionKeys).finished().orderByHistoricTaskInstanceEndTime().desc().listPage(0, 1);
    return tasks.isEmpty() ? null : tasks.get(0).getAssignee();
  }

  /** Runs a service call; a refused business rule becomes the BPMN error the model catches. */
  static <T> T bpmn(java.util.function.Supplier<T> call) {
    try {
      return call.get();
    } catch (AgreementRuleException e) {
      throw new BpmnError(errorCode(e.getRule()), e.getMessage());
    } catch (PaymentRefusedException e) {
      throw new BpmnError(PaymentRefusedException.ERROR_CODE, e.getMessage());
    }
  }

  /** The BPMN error of {@code grant-agreement} that catches a refused rule. */
  static String errorCode(AgreementRuleException.Rule rule) {
    return switch (rule) {
      case AGREEMENT -> GrantAgreementProcess.ERROR_AGREEMENT_INVALID;
      case SIGNATURE -> GrantAgreementProcess.ERROR_SIGNATURE_INVALID;
      case QUANTITIES -> GrantAgreementProcess.ERROR_QUANTITIES_INVALID;
      case AMENDMENT -> GrantAgreementProcess.ERROR_AMENDMENT_INVALID;
    };
  }

  /** A list as a Json variable, the form a Camunda Forms dynamic list reads and writes. */
  static JsonValue jsonList(List<Map<String, Object>> items) {
    return SpinValues.jsonValue(FormValues.json(items)).create();
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> schedule(DelegateExecution execution) {
    Object v = execution.getVariable(VAR_PAYMENT_SCHEDULE);
    if (v == null) {
      throw new IllegalStateException("Échéancier de paiement absent : la décision DMN n'a donné aucun résultat.");
    }
    return (Map<String, Object>) v;
  }
}
