package fr.pasdecalais.habitat.aap.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.stereotype.Component;

/**
 * The history the engine keeps, per process (docs/adr/history.md). The level stays {@code full}: every
 * process instance, activity, task with who did it and when, the last value of every variable,
 * identity links, user operations, jobs and incidents are written for every process. What differs is
 * the engine's journal of every successive value of every variable ({@code ACT_HI_DETAIL}): it is kept
 * for the processes that move money or decide it ({@link #DETAILED}), and not written for the others,
 * whose decisions are recorded, with who made them and when, in the product's own tables (the dossier's
 * timeline, the jury's opinions and scores, the jury session, the call's review, the membership
 * requests). About three quarters of the detail rows of a lifecycle went there.
 *
 * <p>Removal time: not stamped on history rows ({@code history-removal-time-strategy: none}); the
 * history cleanup removes a process instance's history when its own end time plus its definition's
 * time to live has passed ({@code history-cleanup-strategy: endTimeBased}, application.yaml). Stamping
 * updated every history row of a call or dossier hierarchy when it ended (8 to 20 ms a table).
 */
@Component
public class AuditHistory extends AbstractProcessEnginePlugin {

  /** Processes whose every variable change is journalled: conventions, payments, collections, the award decision. */
  public static final Set<String> DETAILED = Set.of("grant-agreement", "agreement-action", "payment-collection",
      "call-selection");

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<HistoryEventHandler> handlers = new ArrayList<>();
    if (configuration.getCustomHistoryEventHandlers() != null) {
      handlers.addAll(configuration.getCustomHistoryEventHandlers());
    }
    handlers.add(new DetailForDecidedProcesses());
    configuration.setEnableDefaultDbHistoryEventHandler(false);
    configuration.setCustomHistoryEventHandlers(handlers);
  }

  /** The engine's database handler, with the variable journal written for {@link #DETAILED} processes only. */
  static final class DetailForDecidedProcesses extends DbHistoryEventHandler {

    @Override
    protected boolean shouldWriteHistoricDetail(HistoricVariableUpdateEventEntity event) {
      return super.shouldWriteHistoricDetail(event)
          && (event.getProcessDefinitionKey() == null || DETAILED.contains(event.getProcessDefinitionKey()));
    }
  }
}
