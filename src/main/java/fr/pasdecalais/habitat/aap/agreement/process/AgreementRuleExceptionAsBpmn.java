package fr.pasdecalais.habitat.aap.agreement.process;

import org.camunda.bpm.engine.delegate.BpmnError;

/** A form value that cannot even be read (a malformed date or number): a BPMN error like any refused rule. */
class AgreementRuleExceptionAsBpmn extends BpmnError {

  AgreementRuleExceptionAsBpmn(String code, String message) {
    super(code, message);
  }
}
