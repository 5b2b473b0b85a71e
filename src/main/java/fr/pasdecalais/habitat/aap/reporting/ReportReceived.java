package fr.pasdecalais.habitat.aap.reporting;

/**
 * Published (Spring application event, inside the recording transaction) when an interim report, a
 * requested report or a committee's minutes are recorded as received: what an instalment paid "at
 * the interim report" listens to. {@code code} and {@code occurrence} name the call's milestone.
 */
public record ReportReceived(Long agreementId, Long reportId, ReportKind kind, String code, Integer occurrence,
    String processInstanceId) {}
