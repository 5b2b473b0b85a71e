package fr.pasdecalais.habitat.aap.demo;

import fr.pasdecalais.habitat.aap.call.CallDefinition;
import fr.pasdecalais.habitat.aap.call.CallLifecycle;
import fr.pasdecalais.habitat.aap.call.CallDefinitionReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Demo data: the catalogue of calls ({@code calls/*.yaml}) created and published at start-up, each
 * with its {@code call-for-projects} instance; idempotent (a call that exists is left alone).
 */
@ConditionalOnProperty(prefix = "aap.demo-data", name = "enabled", havingValue = "true")
@Component
public class DemoCalls {

  private static final Logger LOG = LoggerFactory.getLogger(DemoCalls.class);

  private final CallDefinitionReader reader;
  private final CallLifecycle lifecycle;

  public DemoCalls(CallDefinitionReader reader, CallLifecycle lifecycle) {
    this.reader = reader;
    this.lifecycle = lifecycle;
  }

  @EventListener
  @Order(20)
  public void onApplicationReady(ApplicationReadyEvent event) {
    load();
  }

  /** Loads every call file; returns how many calls were created. */
  public int load() {
    int created = 0;
    for (CallDefinition definition : reader.readAll()) {
      if (lifecycle.ensurePublished(definition)) {
        created++;
      }
    }
    LOG.info("Catalogue des appels : {} appel(s) créé(s) et publié(s)", created);
    return created;
  }
}
