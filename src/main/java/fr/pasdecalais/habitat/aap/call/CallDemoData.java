package fr.pasdecalais.habitat.aap.call;

import fr.pasdecalais.habitat.aap.identity.IdentityProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo data: the catalogue of calls ({@code calls/*.yaml}) created and published at start-up, each
 * with its {@code call-for-projects} instance; idempotent (a call that exists is left alone).
 */
@Component
public class CallDemoData {

  private static final Logger LOG = LoggerFactory.getLogger(CallDemoData.class);

  private final IdentityProperties properties;
  private final CallDefinitionReader reader;
  private final CallLifecycle lifecycle;

  public CallDemoData(IdentityProperties properties, CallDefinitionReader reader, CallLifecycle lifecycle) {
    this.properties = properties;
    this.reader = reader;
    this.lifecycle = lifecycle;
  }

  @EventListener
  @Order(20)
  public void onApplicationReady(ApplicationReadyEvent event) {
    if (properties.demoData().enabled()) {
      load();
    }
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
