package fr.pasdecalais.habitat.aap.export;

import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The open data of conventions ({@code aap.open-data}): each funder's name and 14-digit SIRET as
 * published in {@code nomAttribuant}/{@code idAttribuant}, and the threshold (a convention is
 * published when its amount is above it; absent: every signed convention).
 */
@ConfigurationProperties(prefix = "aap.open-data")
public record OpenDataProperties(Attribuant departement, Attribuant etat, BigDecimal threshold) {

  /** A funder as published; a blank SIRET means "not configured" (its file answers 503). */
  public record Attribuant(String name, String siret) {
    public boolean configured() {
      return siret != null && siret.matches("\\d{14}") && name != null && !name.isBlank();
    }
  }

  public OpenDataProperties {
    departement = departement == null ? new Attribuant(null, null) : departement;
    etat = etat == null ? new Attribuant(null, null) : etat;
  }
}
